// The server's human text in English: the menu, its alerts, the plan's blocking reasons and warnings, the checks'
// details, the run's messages and the owner's mail. es.ts has the same keys (a test checks it). `{name}` is
// filled in by the translator.
export const en = {
  addon_name: 'Sheet Schema Migrator',
  digit_group: ',',
  menu_path: 'Extensions > Sheet Schema Migrator',

  menu_open_panel: 'Open migration panel',
  menu_preview: 'Preview migration (dry run)',
  menu_run: 'Run migration',
  menu_resume: 'Resume migration',
  menu_pause: 'Pause migration',
  menu_verify: 'Verify migration',
  menu_rollback: 'Roll back migration',
  menu_clean_up: 'Clean up old backups',
  panel_title: 'Migration',

  title_preview: 'Migration preview (dry run)',
  title_run: 'Run migration',
  title_resume: 'Resume migration',
  title_pause: 'Pause migration',
  title_verify: 'Verify migration',
  title_rollback: 'Roll back migration',
  title_rollback_done: 'Rollback',
  title_rollback_confirm: 'Confirm rollback',
  title_outside_window: 'Outside the rollback window',
  title_clean_up: 'Clean up old backups',

  no_spreadsheet_open: 'No spreadsheet is open: run the migration from the spreadsheet ({menu}).',
  nothing_changed: 'Nothing was changed.',
  run_confirm: '{plan}\n\nBack up the spreadsheet and change sheet "{sheet}" now?',

  plan_sheet: 'Sheet "{sheet}": {rows} data rows, {columns} (schema {schema}).',
  plan_columns: '{count} columns',
  plan_columns_unheaded: '{count} columns ({headed} with a header)',
  plan_column_at: '{header} (column {position})',
  plan_columns_to_add: 'Columns to add: {columns}.',
  plan_rows_to_initialise: 'Rows to initialise: {rows}.',
  plan_backup: 'Backup: "{name}" in folder {folder}.',
  plan_folder_unknown: '(unknown)',
  plan_cells_after: 'Cells after the change: {cells} of {limit}.',
  plan_blocking: 'Blocking:',
  plan_warnings: 'Warnings:',
  plan_sheet_missing:
    'Sheet "{sheet}" was not found. Sheets in this spreadsheet: {names}. Rename the sheet or set target_sheet in the settings.',
  plan_no_headers:
    'Row {row} of sheet "{sheet}" has no headers. The migration needs the {from} headers in that row: restore them, then try again.',
  plan_empty_column:
    'Column {columns} of sheet "{sheet}" has no header and no data; the migration leaves it as it is.',
  plan_empty_columns:
    'Columns {columns} of sheet "{sheet}" have no header and no data; the migration leaves them as they are.',
  plan_already_migrated:
    'Sheet "{sheet}" already has the {migration} columns ({columns}): nothing to migrate.',
  busy: 'Another run is in progress on this spreadsheet (a migration, verification or rollback, by someone else or in another tab). Nothing was changed: wait for it to pause or finish, then {then}.',
  busy_then_status: 'check the status again',
  busy_then_start: 'try again',
  busy_then_verify: 'verify again',
  busy_then_rollback: 'roll back again',
  busy_then_settings: 'save the settings again',
  eligibility_no_migration:
    'No migration to roll back: no run of the migration has been recorded in this spreadsheet.',
  eligibility_rolled_back:
    'The migration run {run} was already rolled back ({time}). Nothing is left to undo.',
  eligibility_backup_gone:
    'The backup "{name}" ({id}) no longer exists or is in the trash, so the result could not be checked against it. Restore it from the Drive trash and try again.',
  eligibility_window:
    '{days} days have passed since the migration completed; the rollback window is {window} days. Pass override_window: true to roll back anyway, or widen rollback_window_days in the settings.',
  rollback_backup_named: 'the backup "{name}"',
  rollback_err_columns_back:
    'Columns the migration added are in the sheet again: {columns} (added while the rollback ran?). Check what they hold, then delete them by hand.',
  rollback_err_headers:
    "Row 1 does not match the backup's header row: compare them and fix the headers by hand.",
  rollback_err_where: ' (first: row {row}, column "{column}")',
  rollback_err_cells: '{count} cells differ from the backup{where}.',
  rollback_err_cells_columns: ' A columns rollback keeps the edits made after the backup: these are they.',
  rollback_err_cells_full:
    ' They were written while the rollback ran, or could not be written back; compare them with {backup} and fix them by hand.',
  rollback_err_grid:
    'The sheet is {actual_rows} x {actual_columns} cells, the backup {rows} x {columns}: rows or columns were added or removed while the rollback ran. Compare the sheet with the backup and fix it by hand.',
  rollback_err_long_cell: '{cell} ({length} characters)',
  rollback_err_more: ' and {count} more',
  rollback_err_unwritable_one: '{count} cell of {backup} could not be written back: {cells}.',
  rollback_err_unwritable: '{count} cells of {backup} could not be written back: {cells}.',
  rollback_err_unwritable_why:
    "Each holds text that Sheets would read as a number, date, boolean or formula unless a script writes it behind an apostrophe, and with the apostrophe it would pass Sheets' limit of 50,000 characters a cell. The rollback left those cells as they were (anything written in them since the migration is in the export). Copy each cell from the backup and paste it into the sheet by hand.",
  verification_failed_stop:
    'Verification failed: {errors} The sheet keeps its changes; check the report next to the backup, then fix and resume, or roll back from the backup.',
  backup_unproven:
    'Sheet "{sheet}" changed too much while it was being backed up: {attempts} copies in a row could not be proven to match it (cells were edited both just before and just after a copy, or the copy came out damaged). The copies are in the Drive trash; nothing was changed in the sheet. Resume ({menu} > {resume}) when fewer people are editing, or turn on the edit freeze setting (the sheet is protected during the backup and the verification) and resume; or start over with {start_over}.',
  structure_changed:
    'Sheet "{sheet}" changed while the migration was running: {what}. The run stopped before writing anything more.',
  structure_gone: 'it was renamed or deleted (no sheet has that name now)',
  structure_smaller: 'it is smaller than when the run started: columns or rows were deleted ({detail})',
  structure_rows_deleted: 'it has {now} data rows, {before} when the run started (rows were deleted)',
  structure_header:
    'header cell {cell} is now "{found}", was "{was}" (a column was inserted, deleted or moved, or the header edited)',
  structure_new_column: 'column {column} now has the header "{found}", where the new columns go',
  structure_next:
    'Nothing the run wrote is lost and nothing anyone else wrote was overwritten. Put the sheet back as it was (undo the change, or move the columns or rows back), then resume ({menu} > {resume});',
  structure_next_rollback: 'or roll back from the backup ({menu} > {rollback}).',
  start_over_how: '"Start over" in the migration panel ({menu} > {panel}), or startMigration({force: true})',
  structure_next_start_over: 'or start over with {start_over}, which plans from the sheet as it is now.',
  plan_later_cell_limit:
    "After {migration} the spreadsheet would have {cells} cells, above Google Sheets' limit of {limit}. Delete unused rows or columns (or whole sheets) first.",
  plan_cell_limit:
    "Adding {count} columns would make the spreadsheet {cells} cells, above Google Sheets' limit of {limit} (empty cells count too). Delete unused rows or columns (or whole sheets), then try again.",
  plan_column_limit:
    'Sheet "{sheet}" has {columns} columns; adding {count} would pass the limit of {limit}. Delete unused columns, then try again.',
  plan_trigger_limit:
    'You already have {count} triggers for this add-on, the most Apps Script allows, so a long run could not schedule its resume. Delete one under Extensions > Apps Script > Triggers, then try again.',
  plan_key_missing:
    'Key column "{key}" (or {aliases}) was not found in row {row} of sheet "{sheet}". Restore its header, then try again.',
  plan_key_alias: 'Key column found as "{header}" in column {column}.',
  plan_no_data_rows: 'Sheet "{sheet}" has no data rows: only the headers will be added.',
  plan_partly_migrated: 'Sheet "{sheet}" is partly migrated: {columns} already present.',
  plan_header_misplaced:
    'Header "{header}" is in column {columns}; the {migration} columns must follow the last {from} column in the order {order}. Move or delete that column, then try again.',
  plan_column_after_new:
    'Column {column} ("{header}") comes after the {migration} columns; they must be the last columns. Move it before "{first}", then try again.',
  plan_duplicate_header:
    'Header "{header}" appears {count} times in sheet "{sheet}" (columns {columns}). Rename or remove the extra columns so each header is unique, then try again.',
  plan_headerless_data_one:
    'Column {columns} of sheet "{sheet}" has data but no header in row {row}. Give every column with data a header (or delete it), then try again.',
  plan_headerless_data_many:
    'Columns {columns} of sheet "{sheet}" have data but no header in row {row}. Give every column with data a header (or delete it), then try again.',
  plan_unknown_sheet:
    'Sheet "{sheet}" is not a ZEUES sheet this add-on knows: schema {schema} has the headers {headers}, and this sheet lacks some of them. Check the target_sheet setting (or restore the headers), then try again.',
  plan_cannot_start: 'The migration cannot start. {reasons}',
  plan_nothing_blocks: 'Nothing blocks the migration.',
  plan_edit_freeze:
    'Edit freeze: {sheets} will be protected, you as the only editor, from just before the backup until the ' +
    "verification ends: about {minutes} minute(s) with the migration panel open{closed}. Others' edits are refused " +
    'meanwhile; the protection is then removed.',
  plan_edit_freeze_closed: '; with it closed the run resumes once an hour, so about {hours} hour(s) more',

  status_headline: 'Migration {migration}: {state}.',
  state_not_started: 'not started',
  state_running: 'running',
  state_paused: 'paused',
  state_done: 'done',
  state_failed: 'failed',
  state_rolled_back: 'rolled back',
  step_status_pending: 'pending',
  step_status_running: 'running',
  step_status_done: 'done',
  step_status_failed: 'failed',
  step_status_skipped: 'skipped',
  status_backup: 'Backup: {name}',
  status_failed_in: 'Failed in {step}: {message}',
  status_continues: 'The run continues by itself within the hour, or now with {menu} > Resume migration.',

  paused_by_owner:
    'Paused at {time} by {who}. The run waits for you: nothing runs until you resume it (Resume in the panel, ' +
    'or {menu} > Resume migration). It continues from its checkpoint.',
  pausing: 'Pause requested at {time}: the run stops at its next block and then waits for you to resume it.',
  pause_nothing_running:
    'No migration is running or paused on this spreadsheet, so there is nothing to pause. Nothing was changed.',
  pause_someone: 'the owner',

  rule_set: 'set',
  rule_integer: 'an integer >= 0',
  rule_number: 'a number',
  rule_like: 'like {example}',
  rule_as: 'as {format}',
  check_versions_post: '{start} on every data row, or higher where the app raised it during the run',
  check_versions_in_use: 'an integer >= {start} on every data row',
  check_pair_post:
    '{by} and {at} empty on every data row, or both set where the app took the spool during the run',
  check_pair_in_use: 'both empty, or {by} {byRule} with {at} {atRule}',
  check_value_empty_post: '{header} empty on every data row, or as the app wrote it during the run',
  check_value_fill_post: '{header} = {fill} on every data row, or as the app wrote it during the run',
  check_value_in_use: '{header} empty or {rule}',

  verify_unfinished: 'The verification is not finished yet.',
  verify_all_passed: 'All {count} checks passed.',
  verify_some_failed: '{failed} of {count} checks failed: {names}.',
  verify_report: 'Report: {url}',
  verify_open_spreadsheet: 'Open the spreadsheet and run Verify migration from {menu} or the panel.',

  rollback_finished: 'The rollback finished.',
  rollback_finished_problems: 'The rollback finished with problems.',
  rollback_removed: 'Removed columns: {columns}.',
  rollback_nothing_removed: 'No column the migration added was left to remove.',
  rollback_restored: 'Restored {count} columns from the backup.',
  rollback_exported: 'Values written since the migration were saved to {url}',
  rollback_matches: 'Checked against the backup: the sheet matches it.',
  rollback_differs: 'Checked against the backup: differences remain.',
  rollback_nothing: 'There is nothing to roll back.',
  rollback_anyway: '{reason}\n\nRoll back anyway?',
  rollback_menu_not_finished:
    "The rollback is not finished yet ({progress}): it stopped to stay within Apps Script's time limit. " +
    'Choose {menu} > {rollback} again to continue from where it stopped.',
  rollback_continue:
    "A {mode} rollback is under way: it stopped to stay within Apps Script's time limit. Continue it now?",
  rollback_the_backup: 'the backup',
  rollback_choose:
    'Yes: full rollback. The sheet is brought back to the backup "{backup}" (values, formulas and size).\n' +
    'No: columns only. Only the columns the migration added are removed.\n' +
    'Either way, values written since the migration are saved to a file in Drive first. Cancel: do nothing.',
  rollback_what_full: 'restore the sheet from "{backup}", replacing every cell changed since the backup',
  rollback_what_columns: 'remove the columns the migration added',
  rollback_confirm: 'This will {what}. Continue?',

  clean_up_none: 'No backup is older than the {days}-day rollback window.',
  clean_up_item: '• {name} ({days} days)',
  clean_up_question:
    'These backups are older than the {days}-day rollback window:\n{list}\n\nMove them to the Drive trash? ' +
    'Their migrations can no longer be rolled back from them.',
  clean_up_done_one: 'Moved 1 backup to the trash.',
  clean_up_done_many: 'Moved {count} backups to the trash.',

  run_resume_next_fixed:
    'Fix the cause and resume ({menu} > Resume migration), or roll back from the backup.',
  run_resume_next_unchanged:
    'The sheet was not changed. Fix the cause and resume ({menu} > Resume migration), or start over with ' +
    '"Start over" in the migration panel ({menu} > Open migration panel), or startMigration({force: true}).',
  run_trigger_failed:
    'The run paused but its resume trigger could not be created ({error}). Resume it from the menu ({menu} > ' +
    'Resume migration) or keep the migration panel open.',
  chain_trigger_failed:
    ' Its resume trigger could not be created ({error}): resume from the menu ({menu} > Resume migration) or ' +
    'keep the migration panel open.',
  chain_next_slice: '{migration} is done; the next migration toward {target} starts in the next slice.',

  mail_subject_done: '{addon}: {what} of "{spreadsheet}" finished',
  mail_subject_failed: '{addon}: {what} of "{spreadsheet}" failed',
  mail_what_run: 'migration {migration}',
  mail_what_verification: 'verification of {migration}',
  mail_what_rollback: 'rollback of {migration}',
  mail_intro_done:
    'The {what} of the spreadsheet "{spreadsheet}" finished while the migration panel was closed.',
  mail_intro_failed:
    'The {what} of the spreadsheet "{spreadsheet}" failed while the migration panel was closed.',
  mail_error: 'What went wrong: {message}',
  mail_spreadsheet: 'Spreadsheet: {url}',
  mail_backup: 'Backup: {name} {url}',
  mail_no_backup: 'Backup: none was made.',
  mail_next: 'What to do next: {next}',
  mail_next_done:
    'Open the spreadsheet and check the sheet; {menu} > Verify migration checks every row again. The backup is ' +
    'kept for the rollback window.',
  mail_next_failed:
    'Open the spreadsheet and the migration panel ({menu} > Open migration panel) to see the details.',
  mail_footer:
    "You receive this because you started the run. Turn these emails off in the migration panel's settings " +
    '("Email me when a run ends with the panel closed").',
  got_null: 'null',
  got_nothing: 'nothing',
  got_list: 'a list',
  got_object: 'an object',
  got_number: 'number {value}',
  got_boolean: 'boolean {value}',
  got_other: '{type} {value}',
  date_unknown: 'date unknown',

  settings_not_object: 'Settings must be an object such as {"time_budget_seconds": 300}, got {got}.',
  setting_unknown: 'Unknown setting "{field}". Known settings: {known}.',
  setting_invalid: 'Setting "{field}" {problem}.',
  setting_not_text: 'must be a string, got {got}',
  setting_empty: 'must not be empty',
  setting_too_long: 'must be at most {max} characters',
  setting_not_number: 'must be a number, got {got}',
  setting_not_whole: 'must be a whole number, got {value}',
  setting_out_of_range: 'must be between {min} and {max}, got {value}',
  setting_folder_id:
    'must be a Drive folder id (letters, digits, "-" and "_"), or empty for the spreadsheet\'s own folder',
  setting_one_of: 'must be one of {values}, got {got}',
  setting_boolean: 'must be true or false, got {got}',
  setting_folder_not_saved: 'Setting "backup_folder_id" was not saved: {error}',
  setting_fixed: 'Setting "{field}" cannot change now: {busy}, then change it. Nothing was saved.',
  setting_fixed_rollback: 'a rollback is in progress: finish it (roll back again with the same mode)',
  setting_fixed_run: 'a migration run is in progress: finish it (Resume) or start it over, or roll it back',

  start_options_shape: "startMigration takes nothing or an object such as {force: true} or {target: 'v4.0'}.",
  start_option_unknown:
    'Unknown option "{key}" for startMigration: the options are force (true to start over), target ' +
    "(the migration to run up to, such as 'v4.0') and live (true to save progress as it goes).",
  option_target: 'Option "target" of {name} must be a migration id such as \'v4.0\', got {got}.',
  preview_option_unknown:
    'Unknown option "{key}" for previewMigration: the only option is target (such as \'v4.0\').',
  target_unknown:
    'Unknown target "{target}": the migrations this add-on knows are {known}. Nothing was changed.',
  option_boolean: 'Option "{key}" of {name} must be true or false, got {got}.',
  continue_options_shape: '{name} takes nothing or {live: true}.',
  continue_option_unknown:
    'Unknown option "{key}" for {name}: the only option is live (true to save progress as it goes).',
  preview_options_shape: "previewMigration takes nothing or an object such as {target: 'v4.0'}.",
  target_below_running:
    'Migration {running} is in progress, so target {target} is below the current schema. Finish or ' +
    'roll back the run in progress first. Nothing was changed.',
  properties_full:
    'The document properties are almost full ({kb} KB of 500 KB), so the run ' +
    "could not save its checkpoints. Delete old history entries or other add-ons' data, then try again.",
  changed_since_plan:
    'Sheet "{sheet}" changed since the run started: {what}. Nothing more was changed. Check the ' +
    'sheet, then start over with {start_over} (or roll back from the backup).',
  changed_header: 'column {column} is now "{found}", was "{was}"',
  changed_width: 'it has {width} columns, the plan expected {expected}',
  header_row_not_schema:
    'The header row of "{sheet}" is not the {migration} schema: {problems}. ' +
    'Fix the headers and resume, or roll back from the backup.',
  header_found_expected: 'column {column} is "{found}", expected "{header}"',
  header_after_new: 'column {column} ("{found}") follows the new columns',
  target_below_schema:
    'Target {target} is below the current schema ({current}): the chain only goes forward. To go ' +
    'back, roll back the newer migrations one by one. Nothing was changed.',
  nothing_to_start_over:
    'There is nothing to start over: the spreadsheet already has schema {current}. Nothing was changed.',
  backup_folder_no_add:
    'You cannot add files to backup folder {folder}. ' +
    'Ask its owner for edit access, choose another folder in the settings, or leave backup_folder_id empty.',
  compute_key_missing: 'Key column "{key}" was not found, so the figures cannot be computed.',
  checkpoint_damaged:
    'The saved migration checkpoint ({key}) is damaged. Start over with {start_over} ' +
    '(the sheet is checked again first), or roll back from the backup.',
  checkpoint_no_plan: 'The saved migration checkpoint has no plan ({key}). Start over with {start_over}.',
  smoke_no_baseline:
    'The run has no baseline (migration.baseline), so the sheet cannot be verified against the backup. Start ' +
    'over with {start_over}.',
  chain_goes_on: 'The chain toward {target} goes on with {next} in the next slice.',
  already_at_schema: 'The spreadsheet already has schema {schema}: nothing to migrate.',
  saved_run_unknown:
    'The saved run is of migration "{id}", which this version of the add-on does not know. Install the ' +
    'version that started it, or roll back from its backup.',
  drive_folder_unopenable:
    'Backup folder {folder} was not found or you cannot open it. ' +
    'Check the folder id in the settings, or leave it empty to keep backups next to the spreadsheet.',
  drive_folder_trashed:
    'Backup folder {folder} is in the Drive trash, so a backup made there would be deleted with it. ' +
    'Restore the folder from the trash, or set backup_folder_id in the settings to another folder.',
  drive_folder_trashed_for_file:
    'The folder {folder} next to the backup is in the Drive trash, so "{name}" cannot be saved there ' +
    'without being deleted with it. Restore the folder from the trash.',
  backup_failed: 'The migration could not make its backup, so nothing was changed: {message}',
  computed_source_missing: 'Sheet "{sheet}" is missing, so {column} cannot be computed.',
  plan_cannot_edit:
    'The migration cannot start. You cannot edit sheet "{sheet}" ({message}). Ask the ' +
    "spreadsheet's owner for edit access, or ask them to run the {migration} migration.",
  schema_headers_wrong:
    'The headers are not the {migration} schema: {problems}. Fix the headers and ' +
    'resume, or roll back from the backup.',
  other_sheet_changed:
    'Sheet "{sheet}" changed since the run started: column {column} onwards is no ' +
    'longer empty. Check the sheet, then resume or roll back.',
  migration_unknown: 'The migration "{id}" is not known to this version of the add-on, so it cannot {doing}.',
  migration_unknown_work: 'work on it',
  migration_unknown_rollback: 'be rolled back',
  migration_unknown_verify: 'be verified',

  rollback_options_shape: 'Rollback options must be an object such as {example}, got {got}.',
  rollback_option_unknown_one: 'Unknown rollback option {keys}. Known options: {known}.',
  rollback_option_unknown_many: 'Unknown rollback options {keys}. Known options: {known}.',
  rollback_option_mode:
    'Rollback option "mode" must be "full" (restore the whole sheet from the backup) or "columns" ' +
    '(remove only the columns the migration added), got {got}.',
  rollback_option_confirm:
    'A rollback changes the sheet: pass confirm: true to go ahead, e.g. {example}. Nothing was changed.',
  rollback_option_override: 'Rollback option "override_window" must be true or false, got {got}.',
  rollback_not_finished:
    "The {mode} rollback is not finished yet ({progress}): it stopped to stay within Apps Script's time limit. " +
    'Call rollbackMigration({mode: "{mode}", confirm: true}) again to continue from where it stopped.',
  rollback_progress_exported: 'exported {done} of {total} rows',
  rollback_progress_restored: 'restored {done} of {total} rows',
  rollback_progress_verified: 'verified {done} of {total} rows',
  rollback_progress_other_sheets: 'rolled back {done} of {total} other sheets',
  rollback_no_spreadsheet:
    'Open the spreadsheet to roll back its migration: none is active in this execution.',
  rollback_other_mode:
    'A {mode} rollback was started and has not finished. Call rollbackMigration with ' +
    '{mode: "{mode}", confirm: true} to finish it first. Nothing was changed.',
  rollback_already_done:
    'The migration was already rolled back ({mode} mode, {time}); there is nothing left ' +
    'to roll back. Nothing was changed.',
  rollback_sheet_gone:
    'The sheet "{sheet}" the migration changed is not in this spreadsheet any more. Restore or rename it, then try again.',
  rollback_backup_no_sheet:
    'The backup {id} has no sheet "{sheet}", so it cannot be used to roll back. If that sheet was renamed ' +
    'in the backup, give it its name back.',
  rollback_duplicate_header:
    'Header "{header}" appears {count} times in sheet "{sheet}" (columns {columns}): ' +
    'the rollback cannot tell which one the migration added. Remove or rename the extra column and try again. ' +
    'Nothing was changed.',
  rollback_stopped:
    'The {mode} rollback stopped during "{phase}": {message} ' +
    'Nothing written since the migration is lost: call rollbackMigration({mode: "{mode}", ' +
    'confirm: true}) again to finish it.',

  verr_column_count: 'expected {expected} columns (v2.1 + new ones), found {actual}.',
  verr_versions: '{count} data rows break the rule ({rule}); first at row {row}.',
  verr_occupation: '{count} rows break the rule ({rule}); first at row {row}: {value}.',
  verr_values: '{count} cells break the rule ({rules}); first at row {row}, {header}: {value}.',
  verr_not_found: 'not found: {headers}',
  verr_misplaced: '{header} expected in column {expected}, found in {actual}',
  verr_key_missing: 'key column not found',
  verr_sheet_lacks: 'sheet "{sheet}" lacks {headers}',
  verr_sheet_duplicated: 'sheet "{sheet}" has {headers} more than once',
  verr_computed:
    '{count} figures no longer match {source}; first at row {row}, {header}: {value}, recomputed {expected}.',
  verr_computed_backup_unusable:
    "The backup's sheet {source} is unusable, so rows the app changed during the run cannot be told apart: make it usable, then check these rows ({message}).",
  verr_intact_cells:
    '{count} v2.1 cells differ from the backup; first at row {row}, {header}: backup {backup}, now {current}',
  verr_intact_write_outside: "the run's record shows a write outside its new columns ({where})",
  verr_intact_rows_missing: '{count} data rows are missing',
  verr_intact_rows_added: '{count} data rows were added since the backup',
  report_no_folder: 'the backup is in no folder you can see',
  report_not_read_back: 'the report file "{name}" did not read back as written; verify again.',
  report_not_saved:
    'the report could not be saved in Drive folder {folder}: {error}. ' +
    'Check that you can add files to the backup folder, then verify again.',
  verify_no_migration:
    'No migration has been recorded for this spreadsheet, so there is nothing to verify. ' +
    'Run the migration first ({menu} > {run}), then verify it.',
  verify_run_unfinished:
    'Migration run {run} has not finished (state: {state}). ' +
    'Resume it ({menu} > {resume}) or roll it back before verifying.',
  verify_rolled_back:
    'Migration run {run} was rolled back ({time}); ' +
    'there is no migrated sheet to verify. Run the migration again to verify it.',
  verify_pending:
    'Verification is not finished: {done} of {total} data rows checked before the time budget ' +
    'ran out. Run Verify migration again to continue where it stopped; nothing checked so far is lost.',
  verify_sheet_missing:
    'Sheet "{sheet}" was not found in the spreadsheet, so the migration cannot be verified. ' +
    'Restore or rename the sheet back to that name, then verify again.',
  verify_backup_unopenable:
    'The backup "{name}" ({id}) can no longer be opened ({error}), so the v2.1 data ' +
    'cannot be compared with it. Restore the backup from the Drive trash if it is there.',
  verify_backup_trashed:
    'The backup "{name}" ({id}) is in the Drive trash, so the v2.1 data cannot be compared with it. ' +
    'Restore it from the trash, then verify again.',
  verify_backup_missing:
    'The backup "{name}" ({id}) is gone from Drive, so the v2.1 data cannot be compared with it. ' +
    'There is no backup to compare with.',
  verify_backup_no_sheet: 'The backup "{name}" ({id}) has no sheet "{sheet}" to compare with.',

  sheet_protected: 'You do not have permission to edit sheet "{sheet}": it is protected.',
  sheet_not_protectable: 'Sheet "{sheet}" is not in the spreadsheet, so it cannot be protected.',
  properties_quota:
    'The document properties are full (500 KB), so the run could not save its checkpoint. Nothing was ' +
    "changed. Delete old history entries or other add-ons' data, then try again.",
  sheets_too_slow:
    'Sheets is reading too slowly to go on: {what} is expected to take about {seconds} s ' +
    '({us} µs a cell measured), more than one Apps Script execution allows. ' +
    'Nothing was lost; try again later, when Sheets answers faster.',
  read_one_block: 'one block read',
  read_of_rows: '{what} of {rows} rows',
  read_rows_to_export: 'reading the rows to export',
  read_compare_rows: 'comparing rows with the backup',
  read_restore_rows: 'restoring rows from the backup',
  read_other_sheet: 'rolling back the sheet {sheet}',
  read_other_sheet_checks: 'checking the other sheets and the computed columns',
  read_compare_changed_rows: 'comparing changed rows with the backup',
  read_values_formulas: 'reading the values and formulas of {columns} columns',
  read_sheet_again: 'reading the sheet again where the copy differs',
  read_version_column: 'reading the version column',
  read_key_column: 'reading the key column',
  read_values_and_formulas: 'reading {values} columns of values and {formulas} of formulas',
  plan_other_sheet_missing:
    'Sheet "{sheet}" was not found, and {migration} adds {columns} to it. Restore the sheet (or its name), then try again.',
  plan_other_duplicates:
    'Sheet "{sheet}" has duplicate headers ({headers}). Rename or remove the extra columns so each header is unique, then try again.',
  computed_source_column_missing:
    'Sheet "{sheet}" has no column "{column}", so the union figures cannot be computed.',
  write_refused:
    'The migration refused its own write to {where}: a run writes only the columns it adds ({zones}), so the ' +
    'cells others keep editing are never overwritten. Nothing was written there. Roll back from the backup if ' +
    'the sheet looks wrong, and report this message.',
  zones_none: 'it adds no columns there',
  zone_new_sheet: 'the sheet it creates',
  zone_header_cells: 'the header cells of columns {columns}',
  zone_columns: 'columns {columns}',
  zones_and: ' and ',
  insert_columns_refused:
    'The migration refused to insert columns after column {column} of {sheet}: that would move columns that ' +
    'existed before the run. Nothing was changed. Report this message.',
  change_refused:
    'The migration refused to {what} in {sheet}: a run adds columns only. Nothing was changed. Report this message.',
  refused_delete_columns: 'delete columns',
  refused_insert_rows: 'insert rows',
  refused_delete_rows: 'delete rows',
  refused_add_sheet: 'add a sheet it did not plan',
  refused_delete_sheet: 'delete the sheet',
  freeze_prefix: 'Schema migration',
  freeze_description:
    '{prefix} {run}: edits paused until its backup and verification end (removed automatically)',
  freeze_not_removed:
    'Edit freeze: the protection of {sheets} could not be removed ({error}). Remove it by hand: ' +
    'Data > Protect sheets and ranges, the one described "{prefix} ...".',
  trigger_not_replaced:
    'The resume trigger could not be replaced ({error}). Resume the run from the menu ({menu} > {resume}).',

  check_column_missing:
    'column "{header}" was not found in the header row, so its cells could not be checked',
  check_no_counter: 'the migration spec declares no counter column',
  check_no_pair: 'the migration spec declares no paired columns',
  check_header_holds: 'column {column} should be "{header}" but holds "{found}"',
  check_header_count: '"{header}" appears {count} times, expected exactly once',
  fill_count: "count of {sheet} rows whose {key} is this row's",
  fill_count_not_empty: "count of {sheet} rows whose {key} is this row's with {where} not empty",
  fill_sum: "sum of {column} over {sheet} rows whose {key} is this row's with {where} not empty",
  schema_header_count: 'sheet "{sheet}" has "{header}" {found} times, expected once',
  check_sheet_missing: 'sheet "{sheet}" is missing',
  check_computed_column_missing: 'the key column or a computed column of "{sheet}" is missing',
  check_computed_expected: "every row's {headers} equal to those recomputed from {source}",
  check_backup_unopenable: 'the backup could not be opened: {error}',
  check_backup_no_sheet: 'the backup has no sheet "{sheet}"',
  check_backup_sheet_smaller: 'the backup\'s sheet "{sheet}" is smaller than the sheet was',
  check_unnamed_column: 'column {column}',
} as const;

export type MessageKey = keyof typeof en;

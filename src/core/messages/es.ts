// Los textos del servidor en español: las mismas claves que en.ts (una prueba lo comprueba).
import type { MessageKey } from './en';

export const es: Record<MessageKey, string> = {
  addon_name: 'Sheet Schema Migrator',
  digit_group: '.',
  menu_path: 'Extensiones > Sheet Schema Migrator',

  menu_open_panel: 'Abrir el panel de migración',
  menu_preview: 'Vista previa de la migración (simulación)',
  menu_run: 'Ejecutar la migración',
  menu_resume: 'Reanudar la migración',
  menu_pause: 'Pausar la migración',
  menu_verify: 'Verificar la migración',
  menu_rollback: 'Revertir la migración',
  menu_clean_up: 'Eliminar copias de seguridad antiguas',
  panel_title: 'Migración',

  title_preview: 'Vista previa de la migración (simulación)',
  title_run: 'Ejecutar la migración',
  title_resume: 'Reanudar la migración',
  title_pause: 'Pausar la migración',
  title_verify: 'Verificar la migración',
  title_rollback: 'Revertir la migración',
  title_rollback_done: 'Reversión',
  title_rollback_confirm: 'Confirmar la reversión',
  title_outside_window: 'Fuera del plazo de reversión',
  title_clean_up: 'Eliminar copias de seguridad antiguas',

  no_spreadsheet_open:
    'No hay ninguna hoja de cálculo abierta: ejecute la migración desde la hoja de cálculo ({menu}).',
  nothing_changed: 'No se cambió nada.',
  run_confirm:
    '{plan}\n\n¿Hacer ahora la copia de seguridad de la hoja de cálculo y cambiar la hoja "{sheet}"?',

  plan_sheet: 'Hoja "{sheet}": {rows} filas de datos, {columns} (esquema {schema}).',
  plan_columns: '{count} columnas',
  plan_columns_unheaded: '{count} columnas ({headed} con encabezado)',
  plan_column_at: '{header} (columna {position})',
  plan_columns_to_add: 'Columnas que se añaden: {columns}.',
  plan_rows_to_initialise: 'Filas que se inicializan: {rows}.',
  plan_backup: 'Copia de seguridad: "{name}" en la carpeta {folder}.',
  plan_folder_unknown: '(desconocida)',
  plan_cells_after: 'Celdas después del cambio: {cells} de {limit}.',
  plan_blocking: 'Impide la migración:',
  plan_warnings: 'Avisos:',
  plan_sheet_missing:
    'No se encontró la hoja "{sheet}". Hojas de esta hoja de cálculo: {names}. Cambie el nombre de la hoja o indique target_sheet en los ajustes.',
  plan_no_headers:
    'La fila {row} de la hoja "{sheet}" no tiene encabezados. La migración necesita los encabezados de {from} en esa fila: restáurelos y vuelva a intentarlo.',
  plan_empty_column:
    'La columna {columns} de la hoja "{sheet}" no tiene encabezado ni datos; la migración la deja como está.',
  plan_empty_columns:
    'Las columnas {columns} de la hoja "{sheet}" no tienen encabezado ni datos; la migración las deja como están.',
  plan_already_migrated:
    'La hoja "{sheet}" ya tiene las columnas de {migration} ({columns}): no hay nada que migrar.',
  busy: 'Hay otra ejecución en curso en esta hoja de cálculo (una migración, verificación o reversión, de otra persona o en otra pestaña). No se cambió nada: espere a que se pause o termine y luego {then}.',
  busy_then_status: 'vuelva a consultar el estado',
  busy_then_start: 'vuelva a intentarlo',
  busy_then_verify: 'vuelva a verificar',
  busy_then_rollback: 'vuelva a revertir',
  busy_then_settings: 'vuelva a guardar la configuración',
  eligibility_no_migration:
    'No hay ninguna migración que revertir: en esta hoja de cálculo no consta ninguna ejecución.',
  eligibility_rolled_back: 'La ejecución {run} ya se revirtió ({time}). No queda nada que deshacer.',
  eligibility_backup_gone:
    'La copia de seguridad "{name}" ({id}) ya no existe o está en la papelera, así que el resultado no se podría comprobar con ella. Restáurela desde la papelera de Drive y vuelva a intentarlo.',
  eligibility_window:
    'Han pasado {days} días desde que terminó la migración; el plazo para revertir es de {window} días. Pase override_window: true para revertir de todos modos, o amplíe rollback_window_days en la configuración.',
  rollback_backup_named: 'la copia de seguridad "{name}"',
  rollback_err_columns_back:
    'Las columnas que añadió la migración vuelven a estar en la hoja: {columns} (¿se añadieron durante la reversión?). Revise lo que contienen y elimínelas a mano.',
  rollback_err_headers:
    'La fila 1 no coincide con la fila de encabezados de la copia de seguridad: compárelas y corrija los encabezados a mano.',
  rollback_err_where: ' (la primera: fila {row}, columna "{column}")',
  rollback_err_cells: '{count} celdas difieren de la copia de seguridad{where}.',
  rollback_err_cells_columns:
    ' Una reversión de columnas conserva las ediciones hechas después de la copia: son estas.',
  rollback_err_cells_full:
    ' Se escribieron durante la reversión o no se pudieron restaurar; compárelas con {backup} y corríjalas a mano.',
  rollback_err_grid:
    'La hoja tiene {actual_rows} x {actual_columns} celdas y la copia de seguridad {rows} x {columns}: se añadieron o quitaron filas o columnas durante la reversión. Compare la hoja con la copia y corríjala a mano.',
  rollback_err_long_cell: '{cell} ({length} caracteres)',
  rollback_err_more: ' y {count} más',
  rollback_err_unwritable_one: '{count} celda de {backup} no se pudo restaurar: {cells}.',
  rollback_err_unwritable: '{count} celdas de {backup} no se pudieron restaurar: {cells}.',
  rollback_err_unwritable_why:
    'Cada una contiene un texto que Sheets leería como número, fecha, valor lógico o fórmula salvo que un script lo escriba tras un apóstrofo, y con el apóstrofo superaría el límite de Sheets de 50.000 caracteres por celda. La reversión dejó esas celdas como estaban (lo que se escribió en ellas desde la migración está en la exportación). Copie cada celda de la copia de seguridad y péguela a mano en la hoja.',
  verification_failed_stop:
    'La verificación falló: {errors} La hoja conserva sus cambios; revise el informe junto a la copia de seguridad y luego corrija y reanude, o revierta desde la copia.',
  backup_unproven:
    'La hoja "{sheet}" cambió demasiado mientras se hacía la copia de seguridad: no se pudo demostrar que {attempts} copias seguidas coincidieran con ella (se editaron celdas justo antes y justo después de una copia, o la copia salió dañada). Las copias están en la papelera de Drive; no se cambió nada en la hoja. Reanude ({menu} > {resume}) cuando haya menos personas editando, o active la congelación de ediciones (la hoja queda protegida durante la copia y la verificación) y reanude; o empiece de nuevo con {start_over}.',
  structure_changed:
    'La hoja "{sheet}" cambió mientras la migración estaba en curso: {what}. La ejecución se detuvo antes de escribir nada más.',
  structure_gone: 'se le cambió el nombre o se eliminó (ninguna hoja tiene ahora ese nombre)',
  structure_smaller:
    'es más pequeña que cuando empezó la ejecución: se eliminaron columnas o filas ({detail})',
  structure_rows_deleted:
    'tiene {now} filas de datos; tenía {before} cuando empezó la ejecución (se eliminaron filas)',
  structure_header:
    'la celda de encabezado {cell} ahora dice "{found}"; decía "{was}" (se insertó, eliminó o movió una columna, o se editó el encabezado)',
  structure_new_column:
    'la columna {column} ahora tiene el encabezado "{found}", donde van las columnas nuevas',
  structure_next:
    'No se perdió nada de lo que escribió la ejecución y no se sobrescribió nada de lo que escribieron otras personas. Deje la hoja como estaba (deshaga el cambio, o vuelva a mover las columnas o filas) y luego reanude ({menu} > {resume});',
  structure_next_rollback: 'o revierta desde la copia de seguridad ({menu} > {rollback}).',
  start_over_how:
    '"Empezar de nuevo" en el panel de migración ({menu} > {panel}), o startMigration({force: true})',
  structure_next_start_over:
    'o empiece de nuevo con {start_over}, que planifica desde la hoja tal como está ahora.',
  plan_later_cell_limit:
    'Después de {migration} la hoja de cálculo tendría {cells} celdas, más que el límite de {limit} de Google Sheets. Elimine antes las filas o columnas que no use (u hojas enteras).',
  plan_cell_limit:
    'Añadir {count} columnas dejaría la hoja de cálculo con {cells} celdas, por encima del límite de Google Sheets de {limit} (las celdas vacías también cuentan). Elimine filas o columnas sin uso (u hojas enteras) y vuelva a intentarlo.',
  plan_column_limit:
    'La hoja "{sheet}" tiene {columns} columnas; añadir {count} superaría el límite de {limit}. Elimine columnas sin uso y vuelva a intentarlo.',
  plan_trigger_limit:
    'Ya tiene {count} activadores de este complemento, el máximo que permite Apps Script, así que una ejecución larga no podría programar su reanudación. Elimine uno en Extensiones > Apps Script > Activadores y vuelva a intentarlo.',
  plan_key_missing:
    'No se encontró la columna clave "{key}" (ni {aliases}) en la fila {row} de la hoja "{sheet}". Restaure su encabezado y vuelva a intentarlo.',
  plan_key_alias: 'Columna clave encontrada como "{header}" en la columna {column}.',
  plan_no_data_rows: 'La hoja "{sheet}" no tiene filas de datos: solo se añadirán los encabezados.',
  plan_partly_migrated: 'La hoja "{sheet}" está migrada en parte: {columns} ya están.',
  plan_header_misplaced:
    'El encabezado "{header}" está en la columna {columns}; las columnas de {migration} deben ir tras la última columna de {from}, en el orden {order}. Mueva o elimine esa columna y vuelva a intentarlo.',
  plan_column_after_new:
    'La columna {column} ("{header}") está después de las columnas de {migration}; estas deben ser las últimas. Muévala antes de "{first}" y vuelva a intentarlo.',
  plan_duplicate_header:
    'El encabezado "{header}" aparece {count} veces en la hoja "{sheet}" (columnas {columns}). Cambie el nombre o elimine las columnas sobrantes para que cada encabezado sea único y vuelva a intentarlo.',
  plan_headerless_data_one:
    'La columna {columns} de la hoja "{sheet}" tiene datos pero no encabezado en la fila {row}. Ponga un encabezado a cada columna con datos (o elimínela) y vuelva a intentarlo.',
  plan_headerless_data_many:
    'Las columnas {columns} de la hoja "{sheet}" tienen datos pero no encabezado en la fila {row}. Ponga un encabezado a cada columna con datos (o elimínelas) y vuelva a intentarlo.',
  plan_unknown_sheet:
    'La hoja "{sheet}" no es una hoja ZEUES que este complemento conozca: el esquema {schema} tiene los encabezados {headers} y a esta hoja le faltan algunos. Revise el ajuste target_sheet (o restaure los encabezados) y vuelva a intentarlo.',
  plan_cannot_start: 'La migración no puede empezar. {reasons}',
  plan_nothing_blocks: 'Nada impide la migración.',
  plan_edit_freeze:
    'Congelar ediciones: {sheets} quedará protegida, contigo como único editor, desde justo antes de la copia de ' +
    'seguridad hasta que termine la verificación: unos {minutes} minuto(s) con el panel de migración abierto{closed}. ' +
    'Mientras tanto se rechazan las ediciones de otras personas; después se quita la protección.',
  plan_edit_freeze_closed:
    '; con el panel cerrado la migración sigue una vez por hora, unas {hours} hora(s) más',

  status_headline: 'Migración {migration}: {state}.',
  state_not_started: 'sin empezar',
  state_running: 'en curso',
  state_paused: 'en pausa',
  state_done: 'terminada',
  state_failed: 'fallida',
  state_rolled_back: 'revertida',
  step_status_pending: 'pendiente',
  step_status_running: 'en curso',
  step_status_done: 'hecho',
  step_status_failed: 'fallido',
  step_status_skipped: 'omitido',
  status_backup: 'Copia de seguridad: {name}',
  status_failed_in: 'Falló en {step}: {message}',
  status_continues: 'La ejecución sigue sola dentro de una hora, o ahora con {menu} > Reanudar la migración.',

  paused_by_owner:
    'En pausa desde {time} por {who}. La ejecución le espera: no avanza hasta que la reanude (Reanudar en el ' +
    'panel, o {menu} > Reanudar la migración). Sigue desde su punto de control.',
  pausing:
    'Pausa pedida a las {time}: la ejecución se detiene en su próximo bloque y luego espera a que la reanude.',
  pause_nothing_running:
    'No hay ninguna migración en curso ni en pausa en esta hoja de cálculo: no hay nada que pausar. No se ' +
    'cambió nada.',
  pause_someone: 'el propietario',

  rule_set: 'con valor',
  rule_integer: 'un entero >= 0',
  rule_number: 'un número',
  rule_like: 'como {example}',
  rule_as: 'con formato {format}',
  check_versions_post:
    '{start} en cada fila de datos, o más donde la aplicación lo subió durante la ejecución',
  check_versions_in_use: 'un entero >= {start} en cada fila de datos',
  check_pair_post:
    '{by} y {at} vacías en cada fila de datos, o ambas con valor donde la aplicación tomó el spool durante la ejecución',
  check_pair_in_use: 'ambas vacías, o {by} {byRule} con {at} {atRule}',
  check_value_empty_post:
    '{header} vacía en cada fila de datos, o como la aplicación la escribió durante la ejecución',
  check_value_fill_post:
    '{header} = {fill} en cada fila de datos, o como la aplicación la escribió durante la ejecución',
  check_value_in_use: '{header} vacía o {rule}',

  verify_unfinished: 'La verificación aún no ha terminado.',
  verify_all_passed: 'Las {count} comprobaciones se superaron.',
  verify_some_failed: 'Fallaron {failed} de {count} comprobaciones: {names}.',
  verify_report: 'Informe: {url}',
  verify_open_spreadsheet:
    'Abra la hoja de cálculo y ejecute Verificar la migración desde {menu} o desde el panel.',

  rollback_finished: 'La reversión terminó.',
  rollback_finished_problems: 'La reversión terminó con problemas.',
  rollback_removed: 'Columnas eliminadas: {columns}.',
  rollback_nothing_removed: 'No quedaba ninguna columna añadida por la migración que eliminar.',
  rollback_restored: 'Se restauraron {count} columnas desde la copia de seguridad.',
  rollback_exported: 'Los valores escritos desde la migración se guardaron en {url}',
  rollback_matches: 'Comparada con la copia de seguridad: la hoja coincide.',
  rollback_differs: 'Comparada con la copia de seguridad: quedan diferencias.',
  rollback_nothing: 'No hay nada que revertir.',
  rollback_anyway: '{reason}\n\n¿Revertir de todos modos?',
  rollback_menu_not_finished:
    'La reversión aún no ha terminado ({progress}): se detuvo para no pasar el límite de tiempo de Apps Script. ' +
    'Elija {menu} > {rollback} otra vez para continuar desde donde quedó.',
  rollback_continue:
    'Hay una reversión en modo {mode} en curso: se detuvo para no pasar el límite de tiempo de Apps Script. ¿Continuarla ahora?',
  rollback_the_backup: 'la copia de seguridad',
  rollback_choose:
    'Sí: reversión completa. La hoja vuelve a la copia de seguridad "{backup}" (valores, fórmulas y tamaño).\n' +
    'No: solo columnas. Solo se eliminan las columnas que añadió la migración.\n' +
    'En ambos casos, los valores escritos desde la migración se guardan antes en un archivo de Drive. ' +
    'Cancelar: no hacer nada.',
  rollback_what_full:
    'restaurar la hoja desde "{backup}", reemplazando cada celda cambiada desde la copia de seguridad',
  rollback_what_columns: 'eliminar las columnas que añadió la migración',
  rollback_confirm: 'Esto va a {what}. ¿Continuar?',

  clean_up_none: 'Ninguna copia de seguridad supera el plazo de reversión de {days} días.',
  clean_up_item: '• {name} ({days} días)',
  clean_up_question:
    'Estas copias de seguridad superan el plazo de reversión de {days} días:\n{list}\n\n¿Moverlas a la ' +
    'papelera de Drive? Sus migraciones ya no podrán revertirse desde ellas.',
  clean_up_done_one: 'Se movió 1 copia de seguridad a la papelera.',
  clean_up_done_many: 'Se movieron {count} copias de seguridad a la papelera.',

  run_resume_next_fixed:
    'Corrija la causa y reanude ({menu} > Reanudar la migración), o revierta desde la copia de seguridad.',
  run_resume_next_unchanged:
    'La hoja no se cambió. Corrija la causa y reanude ({menu} > Reanudar la migración), o empiece de nuevo con ' +
    '"Empezar de nuevo" en el panel de migración ({menu} > Abrir el panel de migración), o ' +
    'startMigration({force: true}).',
  run_trigger_failed:
    'La ejecución se pausó, pero no se pudo crear su activador de reanudación ({error}). Reanúdela desde el ' +
    'menú ({menu} > Reanudar la migración) o mantenga abierto el panel de migración.',
  chain_trigger_failed:
    ' No se pudo crear su activador de reanudación ({error}): reanude desde el menú ({menu} > Reanudar la ' +
    'migración) o mantenga abierto el panel de migración.',
  chain_next_slice:
    '{migration} está terminada; la siguiente migración hacia {target} empieza en el próximo tramo.',

  mail_subject_done: '{addon}: {what} de "{spreadsheet}" terminada',
  mail_subject_failed: '{addon}: {what} de "{spreadsheet}" fallida',
  mail_what_run: 'migración {migration}',
  mail_what_verification: 'verificación de {migration}',
  mail_what_rollback: 'reversión de {migration}',
  mail_intro_done:
    'La {what} de la hoja de cálculo "{spreadsheet}" terminó con el panel de migración cerrado.',
  mail_intro_failed:
    'La {what} de la hoja de cálculo "{spreadsheet}" falló con el panel de migración cerrado.',
  mail_error: 'Qué falló: {message}',
  mail_spreadsheet: 'Hoja de cálculo: {url}',
  mail_backup: 'Copia de seguridad: {name} {url}',
  mail_no_backup: 'Copia de seguridad: no se hizo ninguna.',
  mail_next: 'Qué hacer ahora: {next}',
  mail_next_done:
    'Abra la hoja de cálculo y revise la hoja; {menu} > Verificar la migración vuelve a comprobar cada fila. ' +
    'La copia de seguridad se conserva durante el plazo de reversión.',
  mail_next_failed:
    'Abra la hoja de cálculo y el panel de migración ({menu} > Abrir el panel de migración) para ver los ' +
    'detalles.',
  mail_footer:
    'Recibe este correo porque inició la ejecución. Desactive estos correos en los ajustes del panel de ' +
    'migración ("Avisarme por correo cuando una ejecución termine con el panel cerrado").',
  got_null: 'null',
  got_nothing: 'nada',
  got_list: 'una lista',
  got_object: 'un objeto',
  got_number: 'el número {value}',
  got_boolean: 'el valor lógico {value}',
  got_other: '{type} {value}',
  date_unknown: 'fecha desconocida',

  settings_not_object: 'Los ajustes deben ser un objeto como {"time_budget_seconds": 300}; se recibió {got}.',
  setting_unknown: 'Ajuste desconocido "{field}". Ajustes existentes: {known}.',
  setting_invalid: 'El ajuste "{field}" {problem}.',
  setting_not_text: 'debe ser un texto; se recibió {got}',
  setting_empty: 'no puede estar vacío',
  setting_too_long: 'debe tener como máximo {max} caracteres',
  setting_not_number: 'debe ser un número; se recibió {got}',
  setting_not_whole: 'debe ser un número entero; se recibió {value}',
  setting_out_of_range: 'debe estar entre {min} y {max}; se recibió {value}',
  setting_folder_id:
    'debe ser el id de una carpeta de Drive (letras, cifras, "-" y "_"), o quedar vacío para usar la carpeta de la propia hoja de cálculo',
  setting_one_of: 'debe ser uno de estos valores: {values}; se recibió {got}',
  setting_boolean: 'debe ser true o false; se recibió {got}',
  setting_folder_not_saved: 'No se guardó el ajuste "backup_folder_id": {error}',
  setting_fixed: 'El ajuste "{field}" no puede cambiar ahora: {busy}; después cámbielo. No se guardó nada.',
  setting_fixed_rollback: 'hay una reversión en curso: termínela (vuelva a revertir con el mismo modo)',
  setting_fixed_run:
    'hay una ejecución de la migración en curso: termínela (Reanudar), vuelva a empezarla o reviértala',

  start_options_shape:
    "startMigration se llama sin argumentos o con un objeto como {force: true} o {target: 'v4.0'}.",
  start_option_unknown:
    'Opción desconocida "{key}" de startMigration: las opciones son force (true para empezar de nuevo), target ' +
    "(la migración hasta la que llegar, como 'v4.0') y live (true para guardar el progreso sobre la marcha).",
  option_target:
    'La opción "target" de {name} debe ser el id de una migración, como \'v4.0\'; se recibió {got}.',
  preview_option_unknown:
    'Opción desconocida "{key}" de previewMigration: la única opción es target (como \'v4.0\').',
  target_unknown:
    'Destino desconocido "{target}": las migraciones que conoce este complemento son {known}. No se cambió nada.',
  option_boolean: 'La opción "{key}" de {name} debe ser true o false; se recibió {got}.',
  continue_options_shape: '{name} se llama sin argumentos o con {live: true}.',
  continue_option_unknown:
    'Opción desconocida "{key}" de {name}: la única opción es live (true para guardar el progreso sobre la marcha).',
  preview_options_shape: "previewMigration se llama sin argumentos o con un objeto como {target: 'v4.0'}.",
  target_below_running:
    'La migración {running} está en curso, así que el destino {target} queda por debajo del esquema actual. ' +
    'Termine o revierta primero la ejecución en curso. No se cambió nada.',
  properties_full:
    'Las propiedades del documento están casi llenas ({kb} KB de 500 KB), así que la ejecución no podría ' +
    'guardar sus puntos de control. Elimine entradas antiguas del historial o datos de otros complementos y ' +
    'vuelva a intentarlo.',
  changed_since_plan:
    'La hoja "{sheet}" cambió desde que empezó la ejecución: {what}. No se cambió nada más. Revise la hoja y ' +
    'luego empiece de nuevo con {start_over} (o revierta desde la copia de seguridad).',
  changed_header: 'la columna {column} ahora es "{found}", antes era "{was}"',
  changed_width: 'tiene {width} columnas y el plan esperaba {expected}',
  header_row_not_schema:
    'La fila de encabezados de "{sheet}" no es la del esquema {migration}: {problems}. ' +
    'Corrija los encabezados y reanude, o revierta desde la copia de seguridad.',
  header_found_expected: 'la columna {column} es "{found}" y se esperaba "{header}"',
  header_after_new: 'la columna {column} ("{found}") va después de las columnas nuevas',
  target_below_schema:
    'El destino {target} queda por debajo del esquema actual ({current}): la cadena solo avanza. Para ' +
    'volver atrás, revierta las migraciones más recientes una a una. No se cambió nada.',
  nothing_to_start_over:
    'No hay nada que empezar de nuevo: la hoja de cálculo ya tiene el esquema {current}. No se cambió nada.',
  backup_folder_no_add:
    'No puede añadir archivos a la carpeta de copias de seguridad {folder}. Pida permiso de edición a su ' +
    'propietario, elija otra carpeta en los ajustes o deje vacío backup_folder_id.',
  compute_key_missing: 'No se encontró la columna clave "{key}", así que no se pueden calcular las cifras.',
  checkpoint_damaged:
    'El punto de control guardado de la migración ({key}) está dañado. Empiece de nuevo con {start_over} ' +
    '(antes se vuelve a comprobar la hoja), o revierta desde la copia de seguridad.',
  checkpoint_no_plan:
    'El punto de control guardado de la migración no tiene plan ({key}). Empiece de nuevo con {start_over}.',
  smoke_no_baseline:
    'La ejecución no tiene referencia (migration.baseline), así que la hoja no se puede verificar con la ' +
    'copia de seguridad. Empiece de nuevo con {start_over}.',
  chain_goes_on: 'La cadena hacia {target} sigue con {next} en el próximo tramo.',
  already_at_schema: 'La hoja de cálculo ya tiene el esquema {schema}: no hay nada que migrar.',
  saved_run_unknown:
    'La ejecución guardada es de la migración "{id}", que esta versión del complemento no conoce. Instale la ' +
    'versión que la empezó, o revierta desde su copia de seguridad.',
  drive_folder_unopenable:
    'No se encontró la carpeta de copias de seguridad {folder} o no puede abrirla. Revise el id de la carpeta ' +
    'en los ajustes, o déjelo vacío para guardar las copias junto a la hoja de cálculo.',
  drive_folder_trashed:
    'La carpeta de copias de seguridad {folder} está en la papelera de Drive, así que una copia hecha allí se ' +
    'eliminaría con ella. Restaure la carpeta desde la papelera, o indique otra carpeta en backup_folder_id en ' +
    'los ajustes.',
  drive_folder_trashed_for_file:
    'La carpeta {folder} de la copia de seguridad está en la papelera de Drive, así que "{name}" no se puede ' +
    'guardar allí sin que se elimine con ella. Restaure la carpeta desde la papelera.',
  backup_failed: 'La migración no pudo hacer su copia de seguridad, así que no se cambió nada: {message}',
  computed_source_missing: 'Falta la hoja "{sheet}", así que no se puede calcular {column}.',
  plan_cannot_edit:
    'La migración no puede empezar. No puede editar la hoja "{sheet}" ({message}). Pida al propietario de la ' +
    'hoja de cálculo permiso de edición, o pídale que ejecute la migración {migration}.',
  schema_headers_wrong:
    'Los encabezados no son los del esquema {migration}: {problems}. Corrija los encabezados y reanude, ' +
    'o revierta desde la copia de seguridad.',
  other_sheet_changed:
    'La hoja "{sheet}" cambió desde que empezó la ejecución: de la columna {column} en adelante ya no está ' +
    'vacía. Revise la hoja y luego reanude o revierta.',
  migration_unknown: 'Esta versión del complemento no conoce la migración "{id}", así que no puede {doing}.',
  migration_unknown_work: 'trabajar con ella',
  migration_unknown_rollback: 'revertirse',
  migration_unknown_verify: 'verificarse',

  rollback_options_shape:
    'Las opciones de la reversión deben ser un objeto como {example}; se recibió {got}.',
  rollback_option_unknown_one: 'Opción de reversión desconocida: {keys}. Opciones existentes: {known}.',
  rollback_option_unknown_many: 'Opciones de reversión desconocidas: {keys}. Opciones existentes: {known}.',
  rollback_option_mode:
    'La opción "mode" de la reversión debe ser "full" (restaurar toda la hoja desde la copia de seguridad) o ' +
    '"columns" (quitar solo las columnas que añadió la migración); se recibió {got}.',
  rollback_option_confirm:
    'Una reversión cambia la hoja: indique confirm: true para seguir, por ejemplo {example}. No se cambió nada.',
  rollback_option_override:
    'La opción "override_window" de la reversión debe ser true o false; se recibió {got}.',
  rollback_not_finished:
    'La reversión en modo "{mode}" aún no ha terminado ({progress}): se detuvo para no pasar el límite de ' +
    'tiempo de Apps Script. Vuelva a llamar a rollbackMigration({mode: "{mode}", confirm: true}) para seguir ' +
    'donde se detuvo.',
  rollback_progress_exported: 'exportadas {done} de {total} filas',
  rollback_progress_restored: 'restauradas {done} de {total} filas',
  rollback_progress_verified: 'comprobadas {done} de {total} filas',
  rollback_progress_other_sheets: 'revertidas {done} de {total} hojas adicionales',
  rollback_no_spreadsheet:
    'Abra la hoja de cálculo para revertir su migración: no hay ninguna activa en esta ejecución.',
  rollback_other_mode:
    'Se empezó una reversión en modo "{mode}" que no ha terminado. Llame a rollbackMigration con ' +
    '{mode: "{mode}", confirm: true} para terminarla primero. No se cambió nada.',
  rollback_already_done:
    'La migración ya se revirtió (modo "{mode}", {time}); no queda nada que revertir. No se cambió nada.',
  rollback_sheet_gone:
    'La hoja "{sheet}" que cambió la migración ya no está en esta hoja de cálculo. Restáurela o devuélvale su nombre y vuelva a intentarlo.',
  rollback_backup_no_sheet:
    'La copia de seguridad {id} no tiene la hoja "{sheet}", así que no sirve para revertir. Si esa hoja se ' +
    'renombró en la copia, devuélvale su nombre.',
  rollback_duplicate_header:
    'El encabezado "{header}" aparece {count} veces en la hoja "{sheet}" (columnas {columns}): la reversión ' +
    'no puede saber cuál añadió la migración. Quite o cambie el nombre de la columna sobrante y vuelva a ' +
    'intentarlo. No se cambió nada.',
  rollback_stopped:
    'La reversión en modo "{mode}" se detuvo durante "{phase}": {message} No se pierde nada de lo escrito ' +
    'desde la migración: vuelva a llamar a rollbackMigration({mode: "{mode}", confirm: true}) para terminarla.',

  verr_column_count: 'se esperaban {expected} columnas (las de v2.1 más las nuevas) y hay {actual}.',
  verr_versions: '{count} filas de datos incumplen la regla ({rule}); la primera es la fila {row}.',
  verr_occupation: '{count} filas incumplen la regla ({rule}); la primera es la fila {row}: {value}.',
  verr_values: '{count} celdas incumplen la regla ({rules}); la primera en la fila {row}, {header}: {value}.',
  verr_not_found: 'no encontrados: {headers}',
  verr_misplaced: '{header} debía estar en la columna {expected} y está en {actual}',
  verr_key_missing: 'no se encontró la columna clave',
  verr_sheet_lacks: 'a la hoja "{sheet}" le faltan {headers}',
  verr_sheet_duplicated: 'la hoja "{sheet}" tiene {headers} más de una vez',
  verr_computed:
    '{count} cifras ya no coinciden con {source}; la primera en la fila {row}, {header}: {value}, recalculada {expected}.',
  verr_computed_backup_unusable:
    'La hoja {source} de la copia de seguridad no se puede usar, así que no se distinguen los cambios de la aplicación durante la ejecución: vuelva a hacerla utilizable y revise estas filas ({message}).',
  verr_intact_cells:
    '{count} celdas de v2.1 difieren de la copia de seguridad; la primera en la fila {row}, {header}: copia {backup}, ahora {current}',
  verr_intact_write_outside:
    'el registro de la ejecución muestra una escritura fuera de sus columnas nuevas ({where})',
  verr_intact_rows_missing: 'faltan {count} filas de datos',
  verr_intact_rows_added: 'se añadieron {count} filas de datos desde la copia de seguridad',
  report_no_folder: 'la copia de seguridad no está en ninguna carpeta que usted pueda ver',
  report_not_read_back:
    'el archivo del informe "{name}" no se leyó tal como se escribió; vuelva a verificar.',
  report_not_saved:
    'el informe no se pudo guardar en la carpeta de Drive {folder}: {error}. ' +
    'Compruebe que puede añadir archivos a la carpeta de la copia de seguridad y vuelva a verificar.',
  verify_no_migration:
    'No consta ninguna migración en esta hoja de cálculo, así que no hay nada que verificar. ' +
    'Ejecute primero la migración ({menu} > {run}) y luego verifíquela.',
  verify_run_unfinished:
    'La ejecución {run} de la migración no ha terminado (estado: {state}). ' +
    'Reanúdela ({menu} > {resume}) o reviértala antes de verificar.',
  verify_rolled_back:
    'La ejecución {run} de la migración se revirtió ({time}); no hay ninguna hoja migrada que verificar. ' +
    'Vuelva a ejecutar la migración para verificarla.',
  verify_pending:
    'La verificación no ha terminado: se comprobaron {done} de {total} filas de datos antes de agotar el ' +
    'tiempo. Vuelva a ejecutar Verificar la migración para seguir donde se detuvo; no se pierde nada de lo ' +
    'comprobado.',
  verify_sheet_missing:
    'No se encontró la hoja "{sheet}" en la hoja de cálculo, así que no se puede verificar la migración. ' +
    'Restáurela o devuélvale ese nombre y vuelva a verificar.',
  verify_backup_unopenable:
    'La copia de seguridad "{name}" ({id}) ya no se puede abrir ({error}), así que no se pueden comparar ' +
    'con ella los datos v2.1. Restáurela desde la papelera de Drive si está allí.',
  verify_backup_trashed:
    'La copia de seguridad "{name}" ({id}) está en la papelera de Drive, así que no se pueden comparar con ' +
    'ella los datos v2.1. Restáurela desde la papelera y vuelva a verificar.',
  verify_backup_missing:
    'La copia de seguridad "{name}" ({id}) ya no está en Drive, así que no se pueden comparar con ella los ' +
    'datos v2.1. No hay ninguna copia con la que comparar.',
  verify_backup_no_sheet:
    'La copia de seguridad "{name}" ({id}) no tiene la hoja "{sheet}" con la que comparar.',

  sheet_protected: 'No tiene permiso para editar la hoja "{sheet}": está protegida.',
  sheet_not_protectable: 'La hoja "{sheet}" no está en la hoja de cálculo, así que no se puede proteger.',
  properties_quota:
    'Las propiedades del documento están llenas (500 KB), así que la ejecución no pudo guardar su punto de ' +
    'control. No se cambió nada. Elimine entradas antiguas del historial o datos de otros complementos y ' +
    'vuelva a intentarlo.',
  sheets_too_slow:
    'Sheets está leyendo demasiado despacio para continuar: se calcula que {what} tardará unos {seconds} s ' +
    '({us} µs por celda medidos), más de lo que permite una ejecución de Apps Script. ' +
    'No se perdió nada; vuelva a intentarlo más tarde, cuando Sheets responda más rápido.',
  read_one_block: 'una lectura de un bloque',
  read_of_rows: '{what} de {rows} filas',
  read_rows_to_export: 'leer las filas que se exportan',
  read_compare_rows: 'comparar las filas con la copia de seguridad',
  read_restore_rows: 'restaurar las filas desde la copia de seguridad',
  read_other_sheet: 'revertir la hoja {sheet}',
  read_other_sheet_checks: 'comprobar las otras hojas y las columnas calculadas',
  read_compare_changed_rows: 'comparar las filas cambiadas con la copia de seguridad',
  read_values_formulas: 'leer los valores y las fórmulas de {columns} columnas',
  read_sheet_again: 'volver a leer la hoja donde la copia difiere',
  read_version_column: 'leer la columna de versión',
  read_key_column: 'leer la columna clave',
  read_values_and_formulas: 'leer los valores de {values} columnas y las fórmulas de {formulas}',
  plan_other_sheet_missing:
    'No se encontró la hoja "{sheet}", y {migration} le añade {columns}. Restaure la hoja (o su nombre) y vuelva a intentarlo.',
  plan_other_duplicates:
    'La hoja "{sheet}" tiene encabezados repetidos ({headers}). Cambie el nombre o elimine las columnas sobrantes para que cada encabezado sea único y vuelva a intentarlo.',
  computed_source_column_missing:
    'La hoja "{sheet}" no tiene la columna "{column}", así que no se pueden calcular las cifras de uniones.',
  write_refused:
    'La migración rechazó una escritura propia en {where}: una ejecución solo escribe en las columnas que añade ' +
    '({zones}), para no sobrescribir nunca las celdas que otras personas siguen editando. No se escribió nada ' +
    'ahí. Si la hoja parece incorrecta, revierta la migración desde la copia de seguridad y comunique este mensaje.',
  zones_none: 'ahí no añade ninguna columna',
  zone_new_sheet: 'la hoja que crea',
  zone_header_cells: 'las celdas de encabezado de las columnas {columns}',
  zone_columns: 'las columnas {columns}',
  zones_and: ' y ',
  insert_columns_refused:
    'La migración se negó a insertar columnas después de la columna {column} de {sheet}: eso movería columnas ' +
    'que existían antes de la ejecución. No se cambió nada. Comunique este mensaje.',
  change_refused:
    'La migración se negó a {what} en {sheet}: una ejecución solo añade columnas. No se cambió nada. Comunique este mensaje.',
  refused_delete_columns: 'eliminar columnas',
  refused_insert_rows: 'insertar filas',
  refused_delete_rows: 'eliminar filas',
  refused_add_sheet: 'añadir una hoja que no tenía prevista',
  refused_delete_sheet: 'eliminar la hoja',
  freeze_prefix: 'Migración de esquema',
  freeze_description:
    '{prefix} {run}: ediciones en pausa hasta que terminen su copia de seguridad y su verificación (la protección se quita automáticamente)',
  freeze_not_removed:
    'Congelar ediciones: no se pudo quitar la protección de {sheets} ({error}). Quítela a mano en ' +
    'Datos > Proteger hojas y rangos (o «Proteger hojas e intervalos»): la que tiene la descripción "{prefix} ...".',
  trigger_not_replaced:
    'No se pudo sustituir el activador de reanudación ({error}). Reanude la ejecución desde el menú ({menu} > {resume}).',

  check_column_missing:
    'no se encontró la columna "{header}" en la fila de encabezados, así que no se pudieron comprobar sus celdas',
  check_no_counter: 'la especificación de la migración no declara ninguna columna contador',
  check_no_pair: 'la especificación de la migración no declara columnas emparejadas',
  check_header_holds: 'la columna {column} debería ser "{header}" pero contiene "{found}"',
  check_header_count: '"{header}" aparece {count} veces; debería aparecer exactamente una',
  fill_count: 'número de filas de {sheet} cuyo {key} es el de esta fila',
  fill_count_not_empty: 'número de filas de {sheet} cuyo {key} es el de esta fila con {where} no vacía',
  fill_sum: 'suma de {column} en las filas de {sheet} cuyo {key} es el de esta fila con {where} no vacía',
  schema_header_count: 'la hoja "{sheet}" tiene "{header}" {found} veces y se esperaba una',
  check_sheet_missing: 'falta la hoja "{sheet}"',
  check_computed_column_missing: 'falta la columna clave o una columna calculada de "{sheet}"',
  check_computed_expected: 'en cada fila, {headers} iguales a los valores recalculados a partir de {source}',
  check_backup_unopenable: 'no se pudo abrir la copia de seguridad: {error}',
  check_backup_no_sheet: 'la copia de seguridad no tiene la hoja "{sheet}"',
  check_backup_sheet_smaller:
    'la hoja "{sheet}" de la copia de seguridad es más pequeña de lo que era la hoja',
  check_unnamed_column: 'columna {column}',
};

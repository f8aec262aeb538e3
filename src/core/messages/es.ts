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
  plan_nothing_blocks: 'Nada impide la migración.',

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
};

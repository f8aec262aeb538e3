// Error texts the platform produces, reproduced word for word where a public source shows them.
// Sources are listed in emulator/README.md ("Messages").

/** An error raised by an emulated service; re-thrown inside the vm as an `Exception` of the vm's realm. */
export class ServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export const messages = {
  permission: (call: string, scope?: string) =>
    scope
      ? `You do not have permission to call ${call}. Required permissions: ${scope}`
      : `You do not have permission to call ${call}.`,
  timeout: 'Exceeded maximum execution time',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  cellLimit:
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  columnLimit: 'This action would increase the number of columns in the sheet above the limit of 18278.',
  cellChars: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  outsideGrid: 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  metadataOnRange:
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  noEditAccess: 'You do not have permission to edit this spreadsheet.',
  openById: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  noItem:
    'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
  accessDenied: 'Access denied: DriveApp.',
  propertyQuota: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  argumentTooLarge: (what: string) => `Argument too large: ${what}`,
  tooManyTriggers:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  addonRecurrence: 'The recurrence interval for an Add-on trigger must be at least one hour.',
  addonTriggerPerDocument:
    'This add-on has created too many time-based triggers in this document for this Google user account.',
  everyMinutes: 'The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.',
  getUiContext: 'Cannot call SpreadsheetApp.getUi() from this context.',
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  noHtmlFile: (name: string) => `No HTML file named ${name} was found.`,
  notEmulated: (call: string) => `not emulated: ${call}`,
  mailQuota: 'Service invoked too many times for one day: email.',
  mailNoRecipient: 'Failed to send email: no recipient',
  mailInvalidEmail: (address: string) => `Invalid email: ${address}`,
  mailRecipientsLimit: 'Limit Exceeded: Email Recipients Per Message.',
  mailBodyLimit: 'Limit Exceeded: Email Body Size.',
};

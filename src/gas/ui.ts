/**
 * Editor add-ons put their menu under Extensions, named after the add-on
 * (https://developers.google.com/apps-script/reference/base/ui#createaddonmenu). `null`: a separator.
 */
export function addMigrationMenu(
  items: ReadonlyArray<{ caption: string; functionName: string } | null>,
): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}

export function showSidebar(fileName: string, title: string, locale: string): void {
  const template = HtmlService.createTemplateFromFile(fileName);
  template.locale = locale;
  const html = template.evaluate().setTitle(title).setWidth(300);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Asks the user to confirm; true when they answer Yes. */
export function confirm(title: string, prompt: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, prompt, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

export function tell(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** Runs a menu action and shows what it returned, described, or the message of the error it threw. */
export function tellOutcome(title: string, describeOutcome: () => string): void {
  let text: string;
  try {
    text = describeOutcome();
  } catch (error) {
    text = (error as Error).message;
  }
  tell(title, text);
}

/** A three-way question: 'yes', 'no' or 'cancel' (closing the dialog counts as cancel). */
export function ask(title: string, prompt: string): 'yes' | 'no' | 'cancel' {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(title, prompt, ui.ButtonSet.YES_NO_CANCEL);
  if (answer === ui.Button.YES) return 'yes';
  if (answer === ui.Button.NO) return 'no';
  return 'cancel';
}

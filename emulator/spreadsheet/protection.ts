import { ServiceError } from '../errors';
import { register, resolve } from '../handles';
import { PROTECTED_EDIT, mayEdit, spreadsheetEditors, type ProtectionRecord } from '../model/protections';
import { service } from '../service';
import { userHandle } from '../session';
import type { Area } from './a1';
import { vmAlloc, type SheetContext } from './context';
import { handles } from './metadata';

// Class Protection: https://developers.google.com/apps-script/reference/spreadsheet/protection
// Sheet.protect(), Range.protect(), Sheet/Spreadsheet.getProtections(type).

type Ctx = Omit<SheetContext, 'sheet'>;

/** Consumer accounts (gmail.com) own no Workspace domain: setDomainEdit throws there (Protection reference). */
const NO_DOMAIN =
  'This spreadsheet does not belong to a Google Workspace domain, so domain edit access cannot be set.';
const NOT_A_SHEET = 'Unprotected ranges can only be set on a protected sheet.';

function emailOf(v: unknown): string {
  const fromHandle = resolve<string>(v, 'User');
  if (fromHandle !== undefined) return fromHandle;
  if (typeof v === 'string' && v.includes('@')) return v;
  throw new ServiceError(`Invalid argument: ${String(v)}`);
}

function emails(list: unknown): string[] {
  if (!Array.isArray(list)) throw new ServiceError(`Invalid argument: ${String(list)}`);
  return list.map(emailOf);
}

export function protectionHandle(ctx: Ctx, record: ProtectionRecord): object {
  const { exec, ss } = ctx;
  const me = () => exec.world.user.email;
  const sheetCtx = () => {
    const sheet = ss.sheetById(record.sheetId);
    if (!sheet) throw new ServiceError('The protected sheet no longer exists.');
    return { exec, ss, sheet };
  };
  const charge = () => {
    exec.commit();
    exec.charge(exec.costs.protectionMs);
  };
  /** Only someone who may edit the protected cells may read its editors or change it. */
  const guard = () => {
    charge();
    if (!mayEdit(ss, record, me())) throw new ServiceError(PROTECTED_EDIT);
  };
  /** The first change to the editor list ends the mirroring of the spreadsheet's permissions. */
  const editorList = (): string[] => {
    if (record.editors === null) record.editors = [...new Set([...spreadsheetEditors(ss), me()])];
    return record.editors;
  };
  const users = (list: string[]) => {
    const out = vmAlloc(exec)<object>(list.length);
    list.forEach((e, i) => (out[i] = userHandle(exec, e)));
    return out;
  };
  const impl = {
    getProtectionType: () => record.type,
    getDescription() {
      charge();
      return record.description;
    },
    setDescription(d: unknown) {
      guard();
      record.description = String(d);
      return proxy;
    },
    getEditors() {
      guard();
      const list = record.editors ?? spreadsheetEditors(ss);
      return users([...new Set([ss.owner, ...list])]);
    },
    addEditor(user: unknown) {
      guard();
      const e = emailOf(user);
      const list = editorList();
      if (!list.includes(e)) list.push(e);
      return proxy;
    },
    addEditors(list: unknown) {
      guard();
      const current = editorList();
      for (const e of emails(list)) if (!current.includes(e)) current.push(e);
      return proxy;
    },
    removeEditor(user: unknown) {
      return impl.removeEditors([user]);
    },
    removeEditors(list: unknown) {
      guard();
      // "Neither the owner of the spreadsheet nor the current user can be removed."
      const drop = new Set(emails(list).filter((e) => e !== ss.owner && e !== me()));
      record.editors = editorList().filter((e) => !drop.has(e));
      return proxy;
    },
    canEdit() {
      charge();
      return mayEdit(ss, record, me());
    },
    canDomainEdit() {
      guard();
      return false;
    },
    setDomainEdit(editable: unknown) {
      guard();
      void editable;
      throw new ServiceError(NO_DOMAIN);
    },
    isWarningOnly() {
      charge();
      return record.warningOnly;
    },
    setWarningOnly(warningOnly: unknown) {
      guard();
      record.warningOnly = warningOnly === true;
      return proxy;
    },
    getRange() {
      charge();
      const c = sheetCtx();
      const area: Area = record.area ?? {
        row: 1,
        column: 1,
        numRows: c.sheet.maxRows,
        numColumns: c.sheet.maxColumns,
      };
      return handles.range(c, area);
    },
    setRange(range: unknown) {
      guard();
      const target = resolve<SheetContext & { area: Area }>(range, 'Range');
      if (!target || target.ss !== ss || target.sheet.sheetId !== record.sheetId)
        throw new ServiceError('Invalid argument: range');
      if (record.type === 'RANGE') record.area = { ...target.area };
      return proxy;
    },
    getUnprotectedRanges() {
      charge();
      const c = sheetCtx();
      const list = record.type === 'SHEET' ? record.unprotected : [];
      const out = vmAlloc(exec)<object>(list.length);
      list.forEach((a, i) => (out[i] = handles.range(c, a)));
      return out;
    },
    setUnprotectedRanges(ranges: unknown) {
      guard();
      if (record.type !== 'SHEET' || !Array.isArray(ranges)) throw new ServiceError(NOT_A_SHEET);
      record.unprotected = ranges.map((r) => {
        const target = resolve<SheetContext & { area: Area }>(r, 'Range');
        if (!target || target.ss !== ss || target.sheet.sheetId !== record.sheetId)
          throw new ServiceError(NOT_A_SHEET);
        return { ...target.area };
      });
      return proxy;
    },
    getRangeName: () => null,
    remove() {
      guard();
      ss.protections = ss.protections.filter((p) => p !== record);
    },
  };
  const proxy: object = register(service(exec, 'Protection', impl), 'Protection', record);
  return proxy;
}

/** A new protection of `area` (RANGE) or of the whole sheet (SHEET: the existing one if there is one). */
export function protect(ctx: SheetContext, area: Area | null): object {
  const { exec, ss, sheet } = ctx;
  if (!ss.editable) throw new ServiceError('You do not have permission to edit this spreadsheet.');
  exec.commit();
  exec.charge(exec.costs.protectionMs);
  // "If the sheet is already protected, this method returns an object representing its existing protection"
  const existing =
    area === null ? ss.protections.find((p) => p.type === 'SHEET' && p.sheetId === sheet.sheetId) : undefined;
  const record: ProtectionRecord = existing ?? {
    id: exec.world.ids.number(),
    type: area === null ? 'SHEET' : 'RANGE',
    sheetId: sheet.sheetId,
    area: area && { ...area },
    description: '',
    editors: null,
    warningOnly: false,
    unprotected: [],
  };
  if (!existing) ss.protections.push(record);
  return protectionHandle(ctx, record);
}

/** getProtections(type) of a sheet (sheetId) or of the whole spreadsheet (null). */
export function protections(ctx: Ctx, type: unknown, sheetId: number | null): object[] {
  const t = String(type);
  if (t !== 'SHEET' && t !== 'RANGE') throw new ServiceError(`Invalid argument: type`);
  ctx.exec.commit();
  ctx.exec.charge(ctx.exec.costs.protectionMs);
  const list = ctx.ss.protections.filter((p) => p.type === t && (sheetId === null || p.sheetId === sheetId));
  const out = vmAlloc(ctx.exec)<object>(list.length);
  list.forEach((p, i) => (out[i] = protectionHandle(ctx, p)));
  return out;
}

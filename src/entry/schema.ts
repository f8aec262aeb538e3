import type { SchemaInfo } from '../core/contract';
import { currentSchemaInfo } from '../core/migration/schema-info';
import { servicesForActiveSpreadsheet } from './services';

/** The chain as this spreadsheet sees it: current schema, what is applied (with its backup), what is pending. */
export function getSchemaInfo(): SchemaInfo {
  return currentSchemaInfo(servicesForActiveSpreadsheet());
}

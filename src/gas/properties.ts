import type { KeyValueStore } from '../core/ports';

type Properties = GoogleAppsScript.Properties.Properties;

/** A property store, fetched on first use. */
export function gasStore(open: () => Properties): KeyValueStore {
  let properties: Properties | null = null;
  const get = (): Properties => {
    if (properties === null) properties = open();
    return properties;
  };
  return {
    getAll: () => get().getProperties(),
    get: (key) => get().getProperty(key),
    setMany: (values) => {
      get().setProperties(values);
    },
    delete: (key) => {
      get().deleteProperty(key);
    },
    replaceAll: (values) => {
      get().setProperties(values, true);
    },
  };
}

export function gasDocumentStore(): KeyValueStore {
  return gasStore(() => {
    const properties = PropertiesService.getDocumentProperties();
    if (!properties) throw new Error('No document properties: the add-on must run inside a spreadsheet.');
    return properties;
  });
}

export function gasUserStore(): KeyValueStore {
  return gasStore(() => PropertiesService.getUserProperties());
}

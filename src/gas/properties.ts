import type { KeyValueStore } from '../core/ports';

type Properties = GoogleAppsScript.Properties.Properties;

export function gasStore(properties: Properties): KeyValueStore {
  return {
    getAll: () => properties.getProperties(),
    get: (key) => properties.getProperty(key),
    setMany: (values) => {
      properties.setProperties(values);
    },
    delete: (key) => {
      properties.deleteProperty(key);
    },
  };
}

export function gasDocumentStore(): KeyValueStore {
  return gasStore(PropertiesService.getDocumentProperties());
}

export function gasUserStore(): KeyValueStore {
  return gasStore(PropertiesService.getUserProperties());
}

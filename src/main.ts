// The add-on's entry points: every function exported here becomes a top-level function of dist/Code.js.
export { onOpen, onInstall, menuOpenSidebar } from './entry/open';

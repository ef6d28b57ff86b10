'use strict';
// Web globals Node installs as plain data properties.
for (const name of ['URL', 'URLSearchParams', 'EventTarget', 'Event', 'CustomEvent']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  console.log(name, 'value' in d, d.writable, d.enumerable, d.configurable, d.value === globalThis[name]);
}

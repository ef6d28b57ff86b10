// The constructor an object was made by, after its prototype changed.
//
// V8 remembers it in the object's hidden class, so util.inspect can still
// say `[Foo: null prototype] {}` for `Object.setPrototypeOf(new Foo(), null)`.
// QuickJS keeps only the current prototype; so the prototype setters note
// the constructor of the prototype an object had before its first change
// (for `new Foo()` that is Foo, as V8 would say).  Approximate where the
// object did not come from that constructor (Object.create(Foo.prototype)).
'use strict';

const creators = new WeakMap();
const { getPrototypeOf } = Object;
const { apply } = Reflect;

function note(obj) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null || creators.has(obj)) return;
  const proto = getPrototypeOf(obj);
  if (proto === null) return;
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'constructor');
  const ctor = descriptor?.value;
  // Only a base constructor (a function or a class that extends nothing)
  // makes an object's hidden class in V8; an instance of a derived class
  // reads as a plain Object once its prototype is gone.
  if (typeof ctor === 'function' && getPrototypeOf(ctor) === Function.prototype &&
      typeof ctor.name === 'string' && ctor.name !== '') {
    creators.set(obj, ctor.name);
  }
}

// The name noted for `obj`, or undefined.
function creatorName(obj) {
  return creators.get(obj);
}

function wrapSetter(holder, key) {
  const original = holder[key];
  const wrapped = {
    [key](obj, proto) {
      note(obj);
      return apply(original, this, arguments);
    },
  }[key];
  Object.defineProperty(wrapped, 'length', { value: original.length });
  Object.defineProperty(holder, key, { value: wrapped, writable: true, configurable: true, enumerable: false });
}

function install() {
  wrapSetter(Object, 'setPrototypeOf');
  wrapSetter(Reflect, 'setPrototypeOf');
  const protoAccessor = Object.getOwnPropertyDescriptor(Object.prototype, '__proto__');
  if (protoAccessor?.set) {
    const originalSet = protoAccessor.set;
    Object.defineProperty(Object.prototype, '__proto__', {
      get: protoAccessor.get,
      set: {
        ['set __proto__'](proto) {
          note(this);
          return apply(originalSet, this, [proto]);
        },
      }['set __proto__'],
      enumerable: false,
      configurable: true,
    });
  }
}

module.exports = { install, creatorName };

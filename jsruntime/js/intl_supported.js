// Intl.supportedValuesOf (https://tc39.es/ecma402/#sec-intl.supportedvaluesof),
// written for workerhost over the lists in intl_supported.go.
(function (native) {
  "use strict";
  const fns = {
    supportedValuesOf(key) {
      key = `${key}`;
      const values = native.supportedValues(key);
      if (values === undefined) {
        throw new RangeError(`Invalid key : ${key}`);
      }
      return values;
    },
  };
  Object.defineProperty(globalThis.Intl, "supportedValuesOf", { value: fns.supportedValuesOf, writable: true, enumerable: false, configurable: true });
})

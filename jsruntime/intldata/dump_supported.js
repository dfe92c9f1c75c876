// Records Intl.supportedValuesOf for each key, as workerd answers. See README.md.
JSON.stringify(Object.fromEntries(["calendar", "collation", "currency", "numberingSystem", "timeZone", "unit"].map((k) => [k, Intl.supportedValuesOf(k)])))

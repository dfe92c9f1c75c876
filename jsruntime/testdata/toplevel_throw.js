const x = 1;

throw new TypeError("top level " + x);

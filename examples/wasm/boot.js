// Starts fetching and compiling main.wasm as soon as the page's head is
// read, so that the module streams in while the form is built; app.js runs
// it once its listeners are in place. Loaded after wasm_exec.js (Go's Go).
"use strict";

// Timings the end-to-end test reads, in ms from navigation start:
// instantiated when the module is compiled and instantiated, ready when the
// rules are loaded and the API is there.
window.icpcheckTimings = { instantiated: null, ready: null, validations: [] };

window.icpcheckBoot = (() => {
  const go = new Go();
  return WebAssembly.instantiateStreaming(fetch("main.wasm"), go.importObject).then((r) => {
    window.icpcheckTimings.instantiated = performance.now();
    return { go, instance: r.instance };
  });
})();

// Starts the loader worker (src/bin/loader.rs, built by Trunk as loader.js and loader_bg.wasm).
importScripts('./loader.js');
wasm_bindgen({ module_or_path: './loader_bg.wasm' });

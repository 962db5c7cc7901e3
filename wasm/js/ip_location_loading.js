// The offline IP location's asset, fetched lazily from the page's own folder: the first time
// an import leaves activities with an IP but no country or ISP (the core decides:
// sl_ip_location_claim), ip-location.bin (16 MB, built by tools/geo/make_ip_location.py) is
// fetched beside index.html, which the Content-Security-Policy allows (connect-src 'self'),
// and its bytes written once into the buffer the core's table keeps (wasm/js_ip_location.cpp).
// It never delays the import: load() has resolved before the fetch starts.
(function installIpLocationLoading(module) {
  'use strict';
  const api = globalThis.sightline = globalThis.sightline || {};
  const ASSET = 'ip-location.bin';
  let loading = null;

  async function fetchAsset() {
    try {
      const response = await fetch(ASSET, { cache: 'force-cache' });
      if (!response.ok) throw new Error(`${ASSET}: HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const at = module.ccall('sl_ip_location_buffer', 'number', ['number'], [bytes.length]);
      module.HEAPU8.set(bytes, at); // HEAPU8 read after the allocation, which may grow memory
      const error = module.ccall('sl_ip_location_commit', 'string', [], []);
      if (error) console.warn(`Sightline: ${ASSET} refused: ${error}`);
    } catch (e) {
      module.ccall('sl_ip_location_failed', null, ['string'], [`could not fetch ${ASSET}: ${(e && e.message) || e}`]);
    }
  }

  module.slIpLocation = {
    // After an import: fetch the asset if the data needs it and nothing fetched it yet.
    loadIfWanted() {
      if (!loading && module.ccall('sl_ip_location_claim', 'number', [], [])) loading = fetchAsset();
      return loading || Promise.resolve();
    },
  };

  // Extras (docs/automation-api.md): where the IP location stands, {state, note, provenance,
  // bytes} (state: not_loaded, loading, ready, failed, off), and one address looked up in it.
  api.ipLocation = () => Promise.resolve().then(() => JSON.parse(module.ccall('sl_ip_location_status', 'string', [], [])));
  api.locateIp = (ip) => Promise.resolve().then(() =>
    JSON.parse(module.ccall('sl_ip_location_lookup', 'string', ['string'], [String(ip)])));
})(Module);

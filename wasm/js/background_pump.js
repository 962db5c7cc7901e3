// Background work (the activity log's count, the column copy, the indexes, a free-text search)
// in tasks of its own between frames, rather than in a slice of each animation frame. Paced by
// animation frames, a 1M-row column copy spent as long waiting for the next frame as working
// (4.2 s for 2.1 s of work): an idle page draws nothing, yet each frame still costs the browser
// its turn. BrowserApp starts the pump when a frame finds work left (Module.sightlineStartPump)
// and the pump runs slices until the core says nothing is left; the browser draws between them.
(function installBackgroundPump(module) {
  'use strict';
  const channel = new MessageChannel(); // not clamped to 4 ms as nested setTimeout(0) is
  let running = false;
  channel.port1.onmessage = () => {
    if (module.ccall('sl_background_slice', 'number', [], []) === 1) channel.port2.postMessage(0);
    else running = false;
  };
  module.sightlineStartPump = () => {
    if (running) return;
    running = true;
    channel.port2.postMessage(0);
  };
})(Module);

// Runs inside /embed/: tells the page that frames it how tall the content is, whenever that
// changes (the chart drawn, an event's panel loaded), so static/timeline/embed.js can fit
// the iframe. Only the height is sent: the parent's origin is unknown here and nothing
// else leaves the frame.
(function () {
  "use strict";

  if (window.parent === window) { return; }
  let sent = 0;

  function post() {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sent) { return; }
    sent = height;
    window.parent.postMessage({ type: "timeline-embed:height", height: height }, "*");
  }

  new ResizeObserver(post).observe(document.documentElement);
  window.addEventListener("load", post);
})();

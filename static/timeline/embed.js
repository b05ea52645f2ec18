// The embed snippet for other sites:
//   <script src="https://SITE/static/timeline/embed.js" data-timeline-embed="https://SITE/embed/?..." async></script>
// inserts the timeline's iframe after itself and keeps the iframe as tall as its content.
// The frame posts only its height; this script accepts a message only from the origin of
// the embed URL and only from its own iframe, and bounds the height it sets.
(function () {
  "use strict";

  const MESSAGE = "timeline-embed:height";
  const MIN_HEIGHT = 200;
  const MAX_HEIGHT = 20000;

  function insert(script) {
    let source;
    try {
      source = new URL(script.dataset.timelineEmbed, document.baseURI);
    } catch (error) {
      return;
    }
    if (source.protocol !== "https:" && source.protocol !== "http:") { return; }
    script.dataset.timelineEmbedded = "true";
    const frame = document.createElement("iframe");
    frame.src = source.href;
    frame.title = script.dataset.title || "Timeline";
    frame.style.border = "0";
    frame.style.width = "100%";
    frame.style.height = "640px";
    frame.style.display = "block";
    script.parentNode.insertBefore(frame, script.nextSibling);

    window.addEventListener("message", function (event) {
      if (event.origin !== source.origin || event.source !== frame.contentWindow) { return; }
      const data = event.data;
      if (!data || data.type !== MESSAGE || typeof data.height !== "number" || !isFinite(data.height)) { return; }
      const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height)));
      frame.style.height = height + "px";
    });
  }

  document.querySelectorAll("script[data-timeline-embed]:not([data-timeline-embedded])").forEach(insert);
})();

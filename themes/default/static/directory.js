// puerta directory helpers, loaded only on service pages. No requests are made.
// 1. "Open now / next": the page carries its next sessions, computed at build time;
//    on the reader's device, skip those already over and say whether it is open now.
// 2. Quick exit: leave for a neutral page without leaving this one in the history
//    (the link works without JavaScript too; Escape pressed twice also leaves).
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";
  document.querySelectorAll("[data-open-now]").forEach(function (el) {
    var sessions;
    try { sessions = JSON.parse(el.getAttribute("data-sessions") || "[]"); } catch (e) { return; }
    var zone = el.getAttribute("data-zone") || undefined;
    var now = Date.now();
    var time = { hour: "numeric", minute: "2-digit", hourCycle: "h23", timeZone: zone };
    var day = { weekday: "long", day: "numeric", month: "long", timeZone: zone };
    var label = el.querySelector("strong"), text = el.querySelector("[data-text]");
    for (var i = 0; i < sessions.length; i++) {
      var start = Date.parse(sessions[i][0]), end = Date.parse(sessions[i][1]);
      if (end <= now) continue;
      if (start <= now) {
        label.textContent = el.getAttribute("data-label-open");
        text.textContent = "– " + new Date(end).toLocaleTimeString(lang, time);
        el.classList.add("open");
      } else if (i > 0) {
        // The build-time text names a session that is over: name the next one.
        text.textContent = new Date(start).toLocaleDateString(lang, day) + ", " +
          new Date(start).toLocaleTimeString(lang, time) + "–" + new Date(end).toLocaleTimeString(lang, time);
      }
      return;
    }
  });
  var exit = document.querySelector("[data-quick-exit]");
  if (exit) {
    var leave = function (event) {
      if (event) event.preventDefault();
      document.body.innerHTML = "";
      window.location.replace(exit.href);
    };
    exit.addEventListener("click", leave);
    var last = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      if (Date.now() - last < 800) leave(event);
      last = Date.now();
    });
  }
})();

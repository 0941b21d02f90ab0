// Preselect the participant's time zone from the browser (progressive enhancement: without
// this script the list is there to choose from, and without a choice the study's default applies).
(function () {
  "use strict";
  var select = document.getElementById("timezone");
  if (!select || !window.Intl || !Intl.DateTimeFormat) { return; }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || select.value) { return; }
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) {
      select.value = zone;
      var shown = document.getElementById("timezone-shown");
      if (shown) { shown.textContent = zone; }
      return;
    }
  }
})();

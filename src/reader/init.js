// Runs in <head> before the page is painted (a classic, blocking script): applies
// the reader's saved theme and text size to <html>, so no page ever flashes the
// wrong theme. Keys and values match src/lib/reader-prefs.ts (checked by a test).
(function () {
  try {
    var root = document.documentElement;
    var theme = localStorage.getItem('kp-theme');
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
    var size = localStorage.getItem('kp-text-size');
    if (size === 'large' || size === 'xlarge') root.setAttribute('data-text-size', size);
  } catch (e) {
    // Storage blocked (private mode, policy): the system theme and normal size apply.
  }
})();

// Runs in <head> before the page is painted (a classic, blocking script): applies
// the reader's saved theme and text size to <html>, so no page ever flashes the
// wrong theme, and marks <html> with "js" so controls that need JavaScript are laid
// out from the first paint (shown later, they would shift the page). Keys and values
// match src/lib/reader-prefs.ts (checked by a test).
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  try {
    var theme = localStorage.getItem('kp-theme');
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
    var size = localStorage.getItem('kp-text-size');
    if (size === 'large' || size === 'xlarge') root.setAttribute('data-text-size', size);
  } catch (e) {
    // Storage blocked (private mode, policy): the system theme and normal size apply.
  }
})();

/**
 * The one module every page loads (bundled and content-hashed by Vite): each part
 * acts only where its markup is on the page. One file instead of one per component
 * keeps content pages at a single script request besides the pre-paint init.js.
 */
import '../korean-search/open-search';
import './controls';
import './copy-link';
import './share';

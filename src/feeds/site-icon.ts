/** The site icon the starter ships (an SVG), used by pages and feeds alike. */
export const SITE_ICON_PATH = "/assets/news-digest-icon.svg";

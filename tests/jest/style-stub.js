// Stylesheets have no meaning under jsdom; components import them for the build only.
module.exports = {}

// lottie-web and NutUI's mini-program Lottie both touch a canvas as soon as they are imported,
// which jsdom cannot do (or warns about). NutUI's index imports them for its Lottie component
// only; everything else from NutUI works without them.
const unavailable = () => {
  throw new Error('Lottie animations do not run under jsdom')
}

module.exports = { setup: unavailable, loadAnimation: unavailable }

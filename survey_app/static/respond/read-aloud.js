// Read-aloud: an enhancement that speaks the question with the browser's own speech synthesis.
// The button is offered only when the browser has a voice for the question's language (Welsh
// needs a Welsh voice); otherwise it stays hidden, as it does without JavaScript. Voices often
// arrive after the page loads, so the check runs again on every "voiceschanged" event.
// Nothing leaves the browser: speechSynthesis runs locally and no third party is contacted.

const PREFERRED = { en: "en-GB", cy: "cy-GB" };

function voiceFor(lang) {
  const voices = window.speechSynthesis.getVoices();
  const matching = voices.filter((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === lang);
  return matching.find((voice) => voice.lang.replace("_", "-") === PREFERRED[lang]) || matching[0];
}

function speak(button) {
  const voice = voiceFor(button.dataset.lang);
  if (!voice) return;
  const synth = window.speechSynthesis;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(button.dataset.speech);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9;
  synth.speak(utterance);
}

function offerWhereVoiced(buttons) {
  buttons.forEach((button) => {
    button.hidden = !voiceFor(button.dataset.lang);
  });
}

if ("speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
  const buttons = [...document.querySelectorAll("[data-cv-read-aloud]")];
  buttons.forEach((button) => button.addEventListener("click", () => speak(button)));
  offerWhereVoiced(buttons);
  window.speechSynthesis.addEventListener("voiceschanged", () => offerWhereVoiced(buttons));
}

// Read-aloud: an enhancement that speaks the question with the browser's own speech synthesis.
// The button stays hidden without JavaScript or speech support; the survey never needs it.
// Nothing leaves the browser: speechSynthesis runs locally and no third party is contacted.

const VOICES = { en: "en-GB", cy: "cy-GB" };

function speak(button) {
  const synth = window.speechSynthesis;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(button.dataset.speech);
  utterance.lang = VOICES[button.dataset.lang] || button.dataset.lang;
  utterance.rate = 0.9;
  synth.speak(utterance);
}

function enhance(button) {
  button.hidden = false;
  button.addEventListener("click", () => speak(button));
}

if ("speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
  document.querySelectorAll("[data-cv-read-aloud]").forEach(enhance);
}

/* Read-along for a bulletin's audio (progressive enhancement: the page works without it).
   Shows the playback-speed control, highlights the sentence being read (from captions.vtt,
   whose cue ids are the sentence ids), and seeks when a sentence is clicked or when the
   previous/next sentence buttons are used. It never moves focus and never starts audio
   by itself. */
(function () {
  "use strict";
  var tools = document.querySelector(".player-tools[data-player]");
  if (!tools) { return; }
  var audio = document.getElementById(tools.getAttribute("data-player"));
  if (!audio || typeof audio.play !== "function") { return; }
  tools.hidden = false;

  var speed = tools.querySelector("select");
  var STORE = "kakehashi-playback-speed";
  function setSpeed(value) {
    var rate = parseFloat(value);
    if (!(rate >= 0.5 && rate <= 2)) { return; }
    audio.playbackRate = rate;
    audio.defaultPlaybackRate = rate;
  }
  if (speed) {
    try {
      var saved = window.localStorage.getItem(STORE);
      if (saved && speed.querySelector('option[value="' + saved + '"]')) {
        speed.value = saved;
        setSpeed(saved);
      }
    } catch (error) { /* storage may be disabled: keep the default */ }
    speed.addEventListener("change", function () {
      setSpeed(speed.value);
      try { window.localStorage.setItem(STORE, speed.value); } catch (error) { /* ignore */ }
    });
    audio.addEventListener("loadedmetadata", function () { setSpeed(speed.value); });
  }

  var captions = tools.getAttribute("data-captions");
  if (!captions || !window.fetch) { return; }

  function seconds(stamp) {
    var parts = stamp.trim().split(":");
    var total = 0;
    for (var i = 0; i < parts.length; i += 1) { total = total * 60 + parseFloat(parts[i]); }
    return total;
  }

  function parse(text) {
    var cues = [];
    var blocks = text.replace(/\r\n?/g, "\n").split(/\n\n+/);
    for (var i = 0; i < blocks.length; i += 1) {
      var lines = blocks[i].split("\n");
      var timing = -1;
      for (var j = 0; j < lines.length; j += 1) {
        if (lines[j].indexOf("-->") !== -1) { timing = j; break; }
      }
      if (timing < 1) { continue; }
      var times = lines[timing].split("-->");
      var element = document.getElementById("s-" + lines[timing - 1].trim());
      if (element) {
        cues.push({ start: seconds(times[0]), end: seconds(times[1].trim().split(/\s+/)[0]), element: element });
      }
    }
    return cues;
  }

  fetch(captions).then(function (response) {
    if (!response.ok) { throw new Error("captions " + response.status); }
    return response.text();
  }).then(function (text) {
    var cues = parse(text);
    if (!cues.length) { return; }
    var current = null;
    var article = document.getElementById(tools.getAttribute("data-article") || "");
    if (article) { article.classList.add("readalong"); }

    function indexAt(time) {
      for (var i = cues.length - 1; i >= 0; i -= 1) {
        if (time >= cues[i].start) { return i; }
      }
      return 0;
    }
    function highlight(cue) {
      if (current === cue) { return; }
      if (current) { current.element.classList.remove("reading"); }
      current = cue;
      if (cue) { cue.element.classList.add("reading"); }
    }
    function update() {
      if (pending !== null) { return; }
      var time = audio.currentTime;
      var cue = cues[indexAt(time)];
      highlight(time <= cue.end || !audio.paused ? cue : null);
    }
    var pending = null;
    function play() {
      var started = audio.play();
      if (started && started.catch) { started.catch(function () { /* playback refused */ }); }
    }
    audio.addEventListener("loadedmetadata", function () {
      if (pending === null) { return; }
      var wanted = pending;
      pending = null;
      audio.currentTime = wanted.time;
      if (wanted.play) { play(); }
    });
    function seek(cue, andPlay) {
      if (audio.readyState >= 1) {
        audio.currentTime = cue.start;
        if (andPlay) { play(); }
      } else {
        // Not loaded yet (preload="none"): load, seek once the duration is known, then play.
        pending = { time: cue.start, play: andPlay };
        audio.preload = "metadata";
        audio.load();
      }
      highlight(cue);
    }
    audio.addEventListener("timeupdate", update);
    audio.addEventListener("seeked", update);
    audio.addEventListener("ended", function () { highlight(null); });

    var byElement = new Map();
    cues.forEach(function (cue) {
      byElement.set(cue.element, cue);
      cue.element.setAttribute("tabindex", "-1");
    });
    function cueFor(target) {
      if (!(target instanceof Element) || target.closest("a, button, select, input")) { return null; }
      var sentence = target.closest(".s");
      return sentence ? byElement.get(sentence) || null : null;
    }
    document.addEventListener("click", function (event) {
      var cue = cueFor(event.target);
      if (!cue) { return; }
      seek(cue, true);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") { return; }
      var cue = cueFor(event.target);
      if (!cue) { return; }
      event.preventDefault();
      seek(cue, !audio.paused);
    });
    var buttons = tools.querySelectorAll("button[data-step]");
    for (var b = 0; b < buttons.length; b += 1) {
      buttons[b].addEventListener("click", function (event) {
        var step = parseInt(event.currentTarget.getAttribute("data-step"), 10);
        var here = current ? cues.indexOf(current) : indexAt(audio.currentTime);
        var next = Math.min(cues.length - 1, Math.max(0, here + step));
        seek(cues[next], !audio.paused);
      });
    }
  }).catch(function () {
    /* no captions: the speed control still works, nothing is highlighted */
  });
}());

/*
 * edX credential advisor: web chat widget.
 *
 * Plain JavaScript, no build step. Talks to Rasa's Socket.IO channel
 * (events session_request / session_confirm / user_uttered / bot_uttered).
 * Every piece of message text is put into the page with textContent or text
 * nodes, never as HTML.
 */
(function () {
  "use strict";

  var SESSION_KEY = "edx-advisor.session-id";
  var TRANSCRIPT_KEY = "edx-advisor.transcript";
  var MAX_ENTRIES = 300;
  var TYPING_TIMEOUT_MS = 45000;
  var CONNECTING_DELAY_MS = 800;
  var CONNECTED_NOTICE_MS = 2500;
  // http(s) URLs; trailing punctuation is trimmed afterwards.
  var URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
  var BULLET_PATTERN = /^\s*(?:•|-|\*)\s+(.*)$/;

  var transcriptEl = document.getElementById("transcript");
  var emptyStateEl = document.getElementById("empty-state");
  var typingEl = document.getElementById("typing");
  var bannerEl = document.getElementById("banner");
  var formEl = document.getElementById("composer");
  var inputEl = document.getElementById("message");
  var restartEl = document.getElementById("restart");
  var rootEl = document.documentElement;

  var state = {
    sessionId: null,
    entries: [],
    confirmed: false, // the server has put this socket into the session's room
    outbox: [], // messages typed while the connection was down
    hadConnection: false,
    lostConnection: false,
    restarting: false,
    typingTimer: null,
    bannerTimer: null,
    bannerKind: null
  };

  /* ---------- storage ---------- */

  function readStorage(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (err) {
      return null;
    }
  }

  function writeStorage(key, value) {
    try {
      if (value === null) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, value);
      }
    } catch (err) {
      /* storage full or disabled: the chat still works, it just won't survive a reload */
    }
  }

  function newSessionId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  function isValidEntry(entry) {
    return entry && (entry.who === "user" || entry.who === "bot") && typeof entry.text === "string";
  }

  function loadConversation() {
    var sessionId = readStorage(SESSION_KEY);
    var entries = [];
    if (sessionId && /^[A-Za-z0-9_-]{1,128}$/.test(sessionId)) {
      try {
        var parsed = JSON.parse(readStorage(TRANSCRIPT_KEY) || "[]");
        if (Array.isArray(parsed)) {
          entries = parsed.filter(isValidEntry);
        }
      } catch (err) {
        entries = [];
      }
    } else {
      sessionId = newSessionId();
      writeStorage(SESSION_KEY, sessionId);
      writeStorage(TRANSCRIPT_KEY, null);
    }
    state.sessionId = sessionId;
    state.entries = entries;
  }

  function saveTranscript() {
    if (state.entries.length > MAX_ENTRIES) {
      state.entries = state.entries.slice(-MAX_ENTRIES);
    }
    writeStorage(TRANSCRIPT_KEY, JSON.stringify(state.entries));
  }

  /* ---------- rendering ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // Append `text` to `parent`, turning http(s) URLs into links (DOM APIs only).
  function appendWithLinks(parent, text) {
    var last = 0;
    var match;
    URL_PATTERN.lastIndex = 0;
    while ((match = URL_PATTERN.exec(text)) !== null) {
      var url = match[0];
      // Leave sentence punctuation and an unbalanced closing bracket outside the link.
      while (/[.,;:!?'"\]]$/.test(url) || (/\)$/.test(url) && url.indexOf("(") === -1)) {
        url = url.slice(0, -1);
      }
      if (match.index > last) {
        parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      }
      var link = el("a", null, url);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      parent.appendChild(link);
      last = match.index + url.length;
      URL_PATTERN.lastIndex = last;
    }
    if (last < text.length) {
      parent.appendChild(document.createTextNode(text.slice(last)));
    }
  }

  // Bot text: paragraphs keep their line breaks, "• " lines become a list.
  function renderBotText(container, text) {
    var lines = text.replace(/\r\n?/g, "\n").split("\n");
    var paragraph = null;
    var list = null;
    lines.forEach(function (line) {
      var bullet = BULLET_PATTERN.exec(line);
      if (bullet) {
        paragraph = null;
        if (!list) {
          list = container.appendChild(el("ul", "bot-list"));
        }
        appendWithLinks(list.appendChild(el("li")), bullet[1]);
      } else if (line.trim() === "") {
        paragraph = null;
        list = null;
      } else {
        list = null;
        if (paragraph) {
          paragraph.appendChild(el("br"));
        } else {
          paragraph = container.appendChild(el("p"));
        }
        appendWithLinks(paragraph, line);
      }
    });
  }

  function renderQuickReplies(entry) {
    var group = el("div", "quick-replies");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Suggested replies");
    entry.quickReplies.forEach(function (reply) {
      var button = el("button", "quick-reply", reply.title);
      button.type = "button";
      button.addEventListener("click", function () {
        sendMessage(reply.payload, reply.title);
      });
      group.appendChild(button);
    });
    return group;
  }

  function renderEntry(entry) {
    var item = el("div", "msg msg--" + entry.who);
    item.appendChild(el("span", "visually-hidden", entry.who === "user" ? "You: " : "Advisor: "));
    if (entry.text) {
      var bubble = el("div", "bubble");
      if (entry.who === "bot") {
        renderBotText(bubble, entry.text);
      } else {
        bubble.textContent = entry.text;
      }
      item.appendChild(bubble);
    }
    if (entry.quickReplies && entry.quickReplies.length) {
      item.appendChild(renderQuickReplies(entry));
    }
    return item;
  }

  function updateEmptyState() {
    emptyStateEl.hidden = state.entries.length > 0;
  }

  function scrollToShow(item) {
    // A long answer is shown from its first line; anything shorter scrolls to the bottom.
    var top = item.offsetTop - transcriptEl.offsetTop - 8;
    if (item.offsetHeight > transcriptEl.clientHeight) {
      transcriptEl.scrollTop = top;
    } else {
      transcriptEl.scrollTop = transcriptEl.scrollHeight;
    }
  }

  function addEntry(entry) {
    state.entries.push(entry);
    saveTranscript();
    var item = renderEntry(entry);
    transcriptEl.appendChild(item);
    updateEmptyState();
    scrollToShow(item);
  }

  function renderAll() {
    Array.prototype.slice.call(transcriptEl.querySelectorAll(".msg")).forEach(function (node) {
      node.remove();
    });
    state.entries.forEach(function (entry) {
      transcriptEl.appendChild(renderEntry(entry));
    });
    updateEmptyState();
    transcriptEl.scrollTop = transcriptEl.scrollHeight;
  }

  // Quick replies belong to the question they answer: gone once the user replies.
  function clearQuickReplies() {
    state.entries.forEach(function (entry) {
      delete entry.quickReplies;
    });
    Array.prototype.slice.call(transcriptEl.querySelectorAll(".quick-replies")).forEach(function (node) {
      node.remove();
    });
  }

  /* ---------- typing indicator and banner ---------- */

  function showTyping() {
    typingEl.hidden = false;
    window.clearTimeout(state.typingTimer);
    state.typingTimer = window.setTimeout(hideTyping, TYPING_TIMEOUT_MS);
  }

  function hideTyping() {
    window.clearTimeout(state.typingTimer);
    typingEl.hidden = true;
  }

  function showBanner(text, kind, hideAfterMs) {
    window.clearTimeout(state.bannerTimer);
    bannerEl.textContent = text;
    bannerEl.className = "banner banner--" + kind;
    state.bannerKind = kind;
    bannerEl.hidden = false;
    if (hideAfterMs) {
      state.bannerTimer = window.setTimeout(hideBanner, hideAfterMs);
    }
  }

  function hideBanner() {
    window.clearTimeout(state.bannerTimer);
    bannerEl.hidden = true;
    bannerEl.textContent = "";
    state.bannerKind = null;
  }

  // "connecting", "ready" (session joined) or "offline": for styling hooks and tests.
  function setConnection(value) {
    rootEl.setAttribute("data-connection", value);
  }

  /* ---------- socket ---------- */

  var socket = window.io({ path: "/socket.io", autoConnect: false });

  // Send now, or keep it until the socket is back in the session (see session_confirm).
  function deliver(payload) {
    if (socket.connected && state.confirmed) {
      socket.emit("user_uttered", payload);
      showTyping();
    } else {
      state.outbox.push(payload);
    }
  }

  function sendMessage(text, shownAs) {
    if (!text || !text.trim()) {
      return;
    }
    clearQuickReplies();
    addEntry({ who: "user", text: shownAs || text });
    deliver({ message: text, session_id: state.sessionId });
    inputEl.focus();
  }

  function entryFromBotMessage(message) {
    var entry = { who: "bot", text: typeof message.text === "string" ? message.text : "" };
    if (Array.isArray(message.quick_replies)) {
      entry.quickReplies = message.quick_replies
        .filter(function (reply) {
          return reply && typeof reply.title === "string" && typeof reply.payload === "string";
        })
        .map(function (reply) {
          return { title: reply.title, payload: reply.payload };
        });
    }
    var attachment = message.attachment;
    if (!entry.text && attachment && attachment.payload && typeof attachment.payload.src === "string") {
      entry.text = attachment.payload.src; // shown as a link, not loaded
    }
    return entry;
  }

  socket.on("connect", function () {
    state.confirmed = false;
    socket.emit("session_request", { session_id: state.sessionId });
    if (state.lostConnection) {
      showBanner("Connected", "ok", CONNECTED_NOTICE_MS);
    } else if (state.bannerKind !== "ok") {
      hideBanner();
    }
    state.hadConnection = true;
    state.lostConnection = false;
    state.restarting = false;
  });

  socket.on("session_confirm", function () {
    state.confirmed = true;
    setConnection("ready");
    var pending = state.outbox;
    state.outbox = [];
    pending.forEach(function (payload) {
      socket.emit("user_uttered", payload);
    });
    if (pending.length) {
      showTyping();
    }
  });

  socket.on("bot_uttered", function (message) {
    if (!message || typeof message !== "object") {
      return;
    }
    var entry = entryFromBotMessage(message);
    if (entry.text || (entry.quickReplies && entry.quickReplies.length)) {
      hideTyping();
      addEntry(entry);
    }
  });

  socket.on("disconnect", function (reason) {
    state.confirmed = false;
    setConnection(state.restarting ? "connecting" : "offline");
    if (state.restarting) {
      return;
    }
    state.lostConnection = true;
    showBanner("The advisor is unreachable. Reconnecting...", "error");
    if (reason === "io server disconnect") {
      socket.connect(); // the server closed the socket: socket.io does not retry by itself
    }
  });

  socket.on("connect_error", function () {
    // socket.io keeps retrying with a growing delay (at most 5 s).
    state.lostConnection = true;
    state.restarting = false;
    setConnection("offline");
    showBanner("The advisor is unreachable. Reconnecting...", "error");
  });

  /* ---------- controls ---------- */

  formEl.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = inputEl.value;
    if (!text.trim()) {
      inputEl.focus();
      return;
    }
    inputEl.value = "";
    sendMessage(text);
  });

  restartEl.addEventListener("click", function () {
    state.sessionId = newSessionId();
    writeStorage(SESSION_KEY, state.sessionId);
    state.entries = [];
    state.outbox = [];
    saveTranscript();
    renderAll();
    hideTyping();
    // Reconnect so that the socket leaves the old session's room and joins the new one.
    if (socket.connected) {
      state.restarting = true;
      socket.disconnect();
      socket.connect();
    }
    showBanner("New conversation started.", "ok", CONNECTED_NOTICE_MS);
    inputEl.focus();
  });

  /* ---------- start ---------- */

  setConnection("connecting");
  loadConversation();
  renderAll();
  window.setTimeout(function () {
    if (!state.hadConnection && !socket.connected && bannerEl.hidden) {
      showBanner("Connecting...", "info");
    }
  }, CONNECTING_DELAY_MS);
  socket.connect();
  inputEl.focus();
})();

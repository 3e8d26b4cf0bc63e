/* desk.js: optional help in the desk's editors: a Markdown toolbar, a live
 * preview beside the text and an autosave of the draft every 30 s into the
 * item's revisions. Everything works without it: the forms post as they are. */
(function () {
	"use strict";

	var AUTOSAVE_MS = 30000, PREVIEW_MS = 700;

	function csrfOf(form) {
		var f = form.querySelector('input[name="csrf"]');
		return f ? f.value : "";
	}

	/* Replaces the selection of ta with before + selected (or placeholder) + after. */
	function wrap(ta, before, after, placeholder) {
		var s = ta.selectionStart, e = ta.selectionEnd, v = ta.value;
		var sel = v.slice(s, e) || placeholder;
		ta.value = v.slice(0, s) + before + sel + after + v.slice(e);
		ta.focus();
		ta.setSelectionRange(s + before.length, s + before.length + sel.length);
		ta.dispatchEvent(new Event("input"));
	}

	/* Puts prefix before every line the selection touches. */
	function prefixLines(ta, prefix) {
		var v = ta.value, s = v.lastIndexOf("\n", ta.selectionStart - 1) + 1;
		var e = ta.selectionEnd, lines = v.slice(s, e).split("\n");
		var out = lines.map(function (l) { return prefix + l; }).join("\n");
		ta.value = v.slice(0, s) + out + v.slice(e);
		ta.focus();
		ta.setSelectionRange(s, s + out.length);
		ta.dispatchEvent(new Event("input"));
	}

	var TOOLS = [
		["Fet", function (ta) { wrap(ta, "**", "**", "fet text"); }],
		["Kursiv", function (ta) { wrap(ta, "*", "*", "kursiv text"); }],
		["Rubrik", function (ta) { prefixLines(ta, "## "); }],
		["Länk", function (ta) { wrap(ta, "[", "](https://)", "länktext"); }],
		["Lista", function (ta) { prefixLines(ta, "- "); }],
		["Bild", function (ta) { wrap(ta, "![", "](/uploads/filnamn.jpg)", "beskriv bilden"); }]
	];

	function toolbar(ta) {
		var bar = document.createElement("div");
		bar.className = "md-toolbar";
		bar.setAttribute("role", "toolbar");
		bar.setAttribute("aria-label", "Formatering");
		bar.setAttribute("aria-controls", ta.id);
		TOOLS.forEach(function (t) {
			var b = document.createElement("button");
			b.type = "button";
			b.className = "btn-secondary";
			b.textContent = t[0];
			b.addEventListener("click", function () { t[1](ta); });
			bar.appendChild(b);
		});
		return bar;
	}

	/* The preview beside the text, filled with the server's own rendering. */
	function preview(ta, form) {
		var box = document.createElement("section"), out = document.createElement("div"), timer = 0, sent = null;
		var h = document.createElement("h2");
		box.className = "md-preview";
		box.setAttribute("aria-label", "Förhandsvisning");
		box.tabIndex = 0;   /* it may scroll: reachable by keyboard */
		h.textContent = "Förhandsvisning";
		out.className = "post-body";
		box.appendChild(h);
		box.appendChild(out);
		function render() {
			if (ta.value === sent)
				return;
			sent = ta.value;
			var body = new URLSearchParams({ csrf: csrfOf(form), body: ta.value });
			fetch("/admin/forhandsvisning", { method: "POST", body: body, credentials: "same-origin" })
				.then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
				.then(function (html) { out.innerHTML = html; })   /* safe HTML from cmark-gfm */
				.catch(function () { out.textContent = "Förhandsvisningen kunde inte visas just nu."; });
		}
		ta.addEventListener("input", function () {
			clearTimeout(timer);
			timer = setTimeout(render, PREVIEW_MS);
		});
		render();
		return box;
	}

	/* Sends the draft every 30 s when it changed; shows when it was kept. */
	function autosave(form, ta) {
		var type = form.getAttribute("data-autosave-type"), id = form.getAttribute("data-autosave-id");
		var status = document.createElement("p"), last = null;
		if (!type || !id)
			return;
		status.className = "hint autosave-status";
		status.setAttribute("role", "status");
		ta.parentNode.appendChild(status);
		function field(name) {
			var f = form.elements.namedItem(name);
			return f && f.value !== undefined ? f.value : "";
		}
		function snapshot() {
			return JSON.stringify([field("title"), field("author"), field("excerpt"), ta.value]);
		}
		last = snapshot();
		setInterval(function () {
			var now = snapshot();
			if (now === last)
				return;
			var body = new URLSearchParams({ csrf: csrfOf(form), type: type, id: id,
				title: field("title"), author: field("author"), excerpt: field("excerpt"), body: ta.value });
			fetch("/admin/autospara", { method: "POST", body: body, credentials: "same-origin" })
				.then(function (r) {
					if (r.status !== 204)
						return Promise.reject(r.status);
					last = now;
					var d = new Date();
					status.textContent = "Utkastet autosparades kl. " + d.getHours() + "." +
						String(d.getMinutes()).padStart(2, "0") + " (bland tidigare versioner).";
				})
				.catch(function () {
					status.textContent = "Utkastet kunde inte autosparas. Spara själv med knappen innan du lämnar sidan.";
				});
		}, AUTOSAVE_MS);
	}

	document.querySelectorAll("textarea[data-md]").forEach(function (ta) {
		var form = ta.form, wrapBox = document.createElement("div");
		wrapBox.className = "md-wrap";
		ta.parentNode.insertBefore(toolbar(ta), ta);
		ta.parentNode.insertBefore(wrapBox, ta);
		wrapBox.appendChild(ta);
		wrapBox.appendChild(preview(ta, form));
		autosave(form, ta);
	});
}());

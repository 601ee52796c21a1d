"""The review page: the rows to decide, one form each, and what the review changed. Plain
HTML forms served by aiohttp on loopback; every text shown is escaped."""
from collections import Counter
from html import escape
from typing import List
from urllib.parse import urlencode

from aiohttp import web

from content.check import load_responses
from review.changes import TRAIN_COMMAND, content_check, data_diff
from review.decisions import IGNORE, NEW_ANSWER, Decisions
from review.examples import Refused, read_intents
from review.folding import Row
from review.inbox import BOUNDARIES, SUGGESTED

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; color: #1b1f24; margin: 2rem auto; max-width: 62rem; padding: 0 1rem; }
nav a { margin-right: 1.2rem; } h1 { font-size: 1.5rem; } .note { color: #57606a; }
.row { margin: 1rem 0; padding: .7rem 1rem; border-left: 4px solid #1f5fa8; background: #f3f6fa; }
.row h2 { font-size: 1.05rem; margin: 0 0 .3rem; } .row form div { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .5rem; }
.notice { padding: .6rem 1rem; background: #e6f4ea; } .notice.refused { background: #fdecea; }
pre { background: #f6f8fa; padding: .8rem; overflow-x: auto; } .ok { color: #1a7f37; } .failed { color: #cf222e; }
"""


class Review:
    """The rows still to decide and the decisions taken on them."""

    def __init__(self, rows: List[Row], decisions: Decisions):
        self.rows, self.decisions = rows, decisions
        self.messages, self.folded = sum(row.count for row in rows), len(rows)
        self.root = decisions.root
        self.intents = sorted(read_intents(decisions.nlu))
        self.titles = {f"faq/{name.partition('/')[2]}": (variations[0].get("metadata") or {}).get("title", "")
                       for name, variations in load_responses(self.root / "data" / "answers").items()
                       if name.startswith("utter_faq/")}

    def decide(self, key: str, decision: str, intent: str) -> str:
        row = next((row for row in self.rows if row.key == key), None)
        if row is None:
            raise Refused("that row was decided already")
        if decision == IGNORE:
            notice = self.decisions.ignore(row)
        elif decision == NEW_ANSWER:
            notice = self.decisions.new_answer(row)
        elif intent:
            notice = self.decisions.accept(row, intent)
        else:
            raise Refused("choose an intent first")
        self.rows.remove(row)
        return notice

    def intent_label(self, intent: str) -> str:
        title = self.titles.get(intent)
        return f"{intent} \u2013 {title}" if title else intent

    def reply_label(self, reply: str) -> str:
        if reply.startswith("utter_faq/"):
            return f"the answer \u201c{self.titles.get(reply[len('utter_'):], reply)}\u201d"
        if reply == "text":
            return "a worked-out answer (a quote)"
        return BOUNDARIES.get(reply) or (f"\u201c{SUGGESTED}\u201d topics" if reply == SUGGESTED else reply)


def counted(counts) -> str:
    return ", ".join(f"{name} \u00d7{count}" if count > 1 else name for name, count in counts.most_common())


def page(title: str, review: Review, body: str) -> web.Response:
    nav = f'<nav><a href="/">Inbox ({len(review.rows)} rows)</a><a href="/changes">After review</a></nav>'
    html = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<style>{STYLE}</style></head><body>{nav}<h1>{escape(title)}</h1>{body}</body></html>')
    return web.Response(text=html, content_type="text/html")


def row_html(review: Review, row: Row) -> str:
    others = "".join(f"<li>{escape(wording)}</li>" for wording in row.wordings[1:])
    wordings = (f"<details><summary>{len(row.wordings) - 1} other wording(s)</summary><ul>{others}</ul></details>"
                if others else "")
    suggestions = "".join(f'<button name="intent" value="{escape(intent)}">Add to {escape(review.intent_label(intent))} '
                          f'({score:.0%})</button>' for intent, score in row.ranking)
    options = "".join(f'<option value="{escape(intent)}">{escape(review.intent_label(intent))}</option>'
                      for intent in review.intents)
    replies = counted(Counter({review.reply_label(reply): count for reply, count in row.replies.items()}))
    return (f'<section class="row" data-key="{row.key}"><h2>{escape(row.text)}</h2>'
            f'<div class="note">Asked {row.count} time(s). Why here: {escape(counted(row.reasons))}. '
            f'Replied with: {escape(replies or "nothing")}.</div>{wordings}'
            f'<form method="post" action="/decide"><input type="hidden" name="key" value="{row.key}">'
            f'<div>{suggestions}</div><div><select name="other" aria-label="another intent">'
            f'<option value="">another intent\u2026</option>{options}</select>'
            f'<button name="intent" value="">Add to the chosen intent</button>'
            f'<button name="decision" value="{NEW_ANSWER}">Needs a new answer</button>'
            f'<button name="decision" value="{IGNORE}">Ignore</button></div></form></section>')


async def inbox_page(request: web.Request) -> web.Response:
    review: Review = request.app["review"]
    notice = request.query.get("notice")
    notice_html = (f'<p class="notice{" refused" if request.query.get("refused") else ""}" role="status">'
                   f'{escape(notice)}</p>' if notice else "")
    summary = (f'<p class="note summary">{review.messages} message(s) in the inbox, folded into {review.folded} '
               f'row(s): {review.messages - review.folded} fewer to read. {len(review.rows)} row(s) left to decide.</p>')
    rows = "".join(row_html(review, row) for row in review.rows) or "<p>Nothing left to review.</p>"
    return page("Questions to review", review, notice_html + summary + rows)


async def decide(request: web.Request) -> web.Response:
    form = await request.post()
    try:
        notice = request.app["review"].decide(form.get("key", ""), form.get("decision", ""),
                                              form.get("intent") or form.get("other", ""))
        query = {"notice": notice}
    except Refused as refusal:
        query = {"notice": f"Not added: {refusal}.", "refused": "1"}
    raise web.HTTPSeeOther(f"/?{urlencode(query)}")


async def changes_page(request: web.Request) -> web.Response:
    review: Review = request.app["review"]
    diff = data_diff(review.root)
    passed, check = content_check(review.root)
    new_answers = review.decisions.new_answers_file
    body = (f'<h2>Data files (<code>git diff -- data/</code>)</h2>'
            f'<pre class="diff">{escape(diff) or "No change to data/."}</pre>'
            f'<h2>Content check</h2><p class="{"ok" if passed else "failed"}">'
            f'{"Passed" if passed else "Failed: fix what it lists before training"}.</p><pre>{escape(check)}</pre>'
            f'<h2>Needs a new answer</h2>'
            + (f'<p>For the content team: <code>{escape(str(new_answers))}</code></p>'
               f'<pre class="new-answers">{escape(new_answers.read_text(encoding="utf-8"))}</pre>'
               if new_answers.exists() else '<p class="note">None marked.</p>')
            + f'<h2>Next</h2><p>Train on the new examples, then test:</p><pre class="command">{TRAIN_COMMAND}\n'
              f'make test</pre>')
    return page("After review", review, body)


def make_app(review: Review) -> web.Application:
    app = web.Application()
    app["review"] = review
    app.add_routes([web.get("/", inbox_page), web.post("/decide", decide), web.get("/changes", changes_page)])
    return app

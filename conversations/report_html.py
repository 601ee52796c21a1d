"""The conversation report as one self-contained HTML page: inline CSS, inline SVG
charts, nothing fetched from anywhere. Every text shown is escaped."""
from html import escape
from typing import Callable, Dict, List, Sequence, Tuple

from conversations.stats import Stats

COLOURS = ("#1f5fa8", "#e07b24")
ROW_HEIGHT = 24
LABEL_WIDTH = 380
LABEL_CHARS = 58   # longer labels are shortened; the full one shows on hover
BAR_WIDTH = 320
PLOT_HEIGHT = 160
MAX_EXAMPLES = 8   # wordings shown per group of questions

Label = Callable[[str], str]
Rows = Sequence[Tuple[str, Sequence[int]]]

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; color: #1b1f24; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #d0d7de; }
.figures { display: flex; flex-wrap: wrap; gap: .8rem; padding: 0; list-style: none; }
.figures li { background: #f3f6fa; border-radius: 6px; padding: .6rem 1rem; min-width: 9rem; }
.figures b { display: block; font-size: 1.5rem; }
.legend span { display: inline-block; width: .8rem; height: .8rem; margin: 0 .3rem 0 1rem; vertical-align: middle; }
svg text { font: 12px system-ui, sans-serif; fill: #1b1f24; }
table { border-collapse: collapse; margin-top: .8rem; } td, th { padding: .25rem .8rem; text-align: left; border-bottom: 1px solid #eaeef2; }
.group { margin: .8rem 0; padding: .6rem 1rem; background: #fff8ec; border-left: 4px solid #e07b24; }
.group ul { margin: .3rem 0 0; } .note { color: #57606a; }
"""


def svg(width: float, height: float, label: str, body: List[str]) -> str:
    return (f'<svg class="chart" role="img" aria-label="{escape(label)}" width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" xmlns="http://www.w3.org/2000/svg">{"".join(body)}</svg>')


def shortened(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1].rstrip() + "…"


def legend(names: Sequence[str]) -> str:
    keys = "".join(f'<span style="background:{COLOURS[index]}"></span>{escape(name)}'
                   for index, name in enumerate(names))
    return f'<div class="legend">{keys}</div>'


def column_chart(label: str, series: Dict[str, Dict[str, int]]) -> str:
    """Side-by-side columns per day, one colour per series."""
    days = sorted(set().union(*series.values()))
    if not days:
        return '<p class="note">No conversations yet.</p>'
    top = max(value for values in series.values() for value in values.values()) or 1
    slot, left, above = max(28.0, min(90.0, 560 / len(days))), 10, 18
    column = (slot - 8) / len(series)
    body = []
    for day_index, day in enumerate(days):
        x = left + day_index * slot + 4
        for index, values in enumerate(series.values()):
            value = values.get(day, 0)
            height = PLOT_HEIGHT * value / top
            y = above + PLOT_HEIGHT - height
            body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{column:.1f}" height="{height:.1f}" '
                        f'fill="{COLOURS[index]}"><title>{escape(day)}: {value}</title></rect>'
                        f'<text x="{x + column / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">{value}</text>')
            x += column
        body.append(f'<text x="{left + day_index * slot + slot / 2:.1f}" y="{above + PLOT_HEIGHT + 16}" '
                    f'text-anchor="middle">{escape(day[5:])}</text>')
    width, height = left + slot * len(days) + 10, above + PLOT_HEIGHT + 24
    return legend(list(series)) + svg(width, height, label, body)


def bar_chart(label: str, rows: Rows, names: Sequence[str] = ()) -> str:
    """One horizontal bar per row; a row with several values is stacked, in COLOURS order."""
    if not rows:
        return '<p class="note">None yet.</p>'
    top = max(sum(values) for _, values in rows) or 1
    body = []
    for index, (name, values) in enumerate(rows):
        y, x = index * ROW_HEIGHT + 4, LABEL_WIDTH
        body.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end"><title>{escape(name)}</title>'
                    f'{escape(shortened(name))}</text>')
        for part, value in enumerate(values):
            width = BAR_WIDTH * value / top
            body.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{ROW_HEIGHT - 6}" '
                        f'fill="{COLOURS[part]}"><title>{escape(name)}: {value}</title></rect>')
            x += width
        body.append(f'<text x="{x + 6:.1f}" y="{y + 15}">{" / ".join(str(value) for value in values)}</text>')
    chart = svg(LABEL_WIDTH + BAR_WIDTH + 70, len(rows) * ROW_HEIGHT + 8, label, body)
    return (legend(names) if names else "") + chart


def figures(stats: Stats) -> str:
    items = [("conversations", stats.conversations), ("visitor messages", stats.messages),
             ("fallback rate", f"{stats.rate(stats.fallbacks):.0%}"),
             ("“did you mean” rate", f"{stats.rate(stats.suggestions):.0%}")]
    return '<ul class="figures">' + "".join(f"<li><b>{value}</b>{escape(name)}</li>" for name, value in items) + "</ul>"


def feedback_table(stats: Stats, topic_title: Label) -> str:
    rows = "".join(f"<tr><td>{escape(topic_title(topic))}</td><td>{counts['helped']}</td>"
                   f"<td>{counts['not_helped']}</td></tr>" for topic, counts in sorted(stats.feedback.items()))
    return f"<table><tr><th>answer</th><th>helped</th><th>not helped</th></tr>{rows}</table>" if rows else ""


def question_groups(stats: Stats) -> str:
    if not stats.unsure:
        return '<p class="note">No message the assistant was unsure about.</p>'
    groups = []
    for group in stats.unsure:
        wordings = "".join(f"<li>{escape(question)}</li>" for question in group.questions[:MAX_EXAMPLES])
        more = len(group.questions) - MAX_EXAMPLES
        wordings += f"<li>… and {more} more wordings</li>" if more > 0 else ""
        groups.append(f'<div class="group"><b>{group.count} message(s)</b><ul>{wordings}</ul></div>')
    return "".join(groups)


def render(stats: Stats, topic_title: Label, category_name: Label, generated: str, notices: Sequence[str] = ()) -> str:
    feedback_rows = [(topic_title(topic), (counts["helped"], counts["not_helped"]))
                     for topic, counts in sorted(stats.feedback.items())]
    sections = [
        ("Conversations and messages per day (UTC)",
         column_chart("Conversations and visitor messages per day",
                      {"conversations": stats.conversations_per_day, "visitor messages": stats.messages_per_day})),
        ("Topics answered", bar_chart("Answers given per topic",
                                      [(topic_title(topic), (count,)) for topic, count in stats.topics.most_common()])),
        ("Did the answer help?", bar_chart("Feedback per answer", feedback_rows, ("helped", "not helped"))
         + feedback_table(stats, topic_title)),
        ("Membership categories quoted", bar_chart(
            "Quotes per membership category",
            [(category_name(category), (count,)) for category, count in stats.categories.most_common()])),
        ("Questions to add: messages the assistant was unsure about, grouped by similarity",
         question_groups(stats)),
    ]
    body = "".join(f"<section><h2>{escape(title)}</h2>{content}</section>" for title, content in sections)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ACR assistant: conversation report'
            f'</title><style>{STYLE}</style></head><body><h1>ACR membership assistant: conversation report</h1>'
            f'<p class="note">Generated {escape(generated)}. Conversation ids are not shown; visitor messages '
            f'appear only under “Questions to add”.</p>{notice_list(notices)}{figures(stats)}{body}</body></html>')


def notice_list(notices: Sequence[str]) -> str:
    """What staff must do soon (a dues schedule to add), above the figures."""
    items = "".join(f"<li>{escape(notice)}</li>" for notice in notices)
    return f'<section class="notices"><h2>To do</h2><ul>{items}</ul></section>' if notices else ""

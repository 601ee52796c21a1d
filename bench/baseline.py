"""The baseline: TF-IDF retrieval of the membership page's question/answer sections."""
from dataclasses import dataclass
from typing import List

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel
from sklearn.pipeline import make_union


@dataclass(frozen=True)
class Section:
    question: str  # empty for the introduction before the first question
    answer: str


def is_question_heading(line: str) -> bool:
    return line.strip().endswith("?")


def split_sections(page: str) -> List[Section]:
    """One section per question heading, answered by the lines up to the next heading."""
    sections, question, lines = [], "", []
    for line in page.splitlines() + ["?"]:  # a last heading closes the last section
        if is_question_heading(line):
            answer = "\n".join(lines).strip()
            if question or answer:
                sections.append(Section(question, answer))
            question, lines = line.strip(), []
        else:
            lines.append(line)
    return sections


class TfidfRetriever:
    """The section most similar to a message: word 1-2 grams plus character n-grams in words."""

    def __init__(self, sections: List[Section]):
        self.sections = sections
        self.vectorizer = make_union(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True))
        self.matrix = self.vectorizer.fit_transform([f"{s.question}\n{s.answer}" for s in sections])

    def best_section(self, message: str) -> Section:
        similarities = linear_kernel(self.vectorizer.transform([message]), self.matrix)[0]
        return self.sections[int(similarities.argmax())]

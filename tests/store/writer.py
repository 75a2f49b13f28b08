"""A writer process for the concurrency tests: stores hand-made articles [start, end) in batches.

Run as `python tests/store/writer.py DB START END BATCH`; says "writing" on stderr before its first
write, and prints how many articles it stored.
"""

from __future__ import annotations

import sys
import time

from chronicle.records import Actor, Article, ArticleRecords, article_id_for, child_id
from chronicle.store import Store


def records(n: int) -> ArticleRecords:
    text = f"Harbour report {n}\n\nThe harbour board of Tessly met {n} times this year, its chair Ona Pell said."
    aid = article_id_for(text)
    article = Article(id=aid, input=f"article-{n}.txt", title=f"Harbour report {n}", text=text,
                      word_count=len(text.split()))
    actor = Actor(id=child_id(aid, "a", 0), article_id=aid, name="Ona Pell", kind="person")
    return ArticleRecords(article=article, actors=[actor])


def main(db: str, start: int, end: int, batch: int) -> None:
    print("writing", file=sys.stderr, flush=True)
    store = Store(db)  # already a write: the schema is created or checked in a write session
    stored = 0
    for first in range(start, end, batch):
        stored += store.write_many([records(n) for n in range(first, min(first + batch, end))])
        time.sleep(0.01)
    print(stored)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))

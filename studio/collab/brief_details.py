"""A brief as the creator reads it: its terms as short tags (on the cards of the creator's
tab) and in full (the card beside a collaboration): facts, key messages, topics, mentions,
products, do's and don'ts, forbidden words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from publisher.brief_schemas import BriefPublic
from studio.collab.labels import clear, flow_of_tags, section_label
from studio.collab.wording import publish_window, shown_time


def brief_terms(brief: BriefPublic) -> list[str]:
    """The brief's terms a creator decides on, as short tags."""
    video = brief.note_type == "video"
    kind = (
        QCoreApplication.translate("BriefDetails", "video")
        if video
        else QCoreApplication.translate("BriefDetails", "photo")
    )
    terms = [
        QCoreApplication.translate("BriefDetails", "{count} × {kind} note").format(
            count=brief.note_count, kind=kind
        )
    ]
    if brief.products:
        terms.append(
            QCoreApplication.translate("BriefDetails", "{count} product(s)").format(
                count=len(brief.products)
            )
        )
    terms += [label for label in (brief.category, brief.region) if label]
    if brief.followers_min:
        terms.append(
            QCoreApplication.translate("BriefDetails", "≥ {count} followers").format(
                count=f"{brief.followers_min:,}"
            )
        )
    if brief.apply_by:
        terms.append(
            QCoreApplication.translate("BriefDetails", "Apply by {time}").format(
                time=shown_time(brief.apply_by)
            )
        )
    if brief.publish_from or brief.publish_until:
        terms.append(
            QCoreApplication.translate("BriefDetails", "Publish {window}").format(
                window=publish_window(brief)
            )
        )
    return terms


class BriefDetails(QFrame):
    """The card with the whole brief, filled by `show_brief`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(20, 18, 20, 18)
        self._layout.setSpacing(10)

    def facts(self, brief: BriefPublic) -> list[tuple[str, str]]:
        """The brief's terms as label/value rows, without the empty ones."""
        rows = [
            (self.tr("Brand"), brief.organization_name),
            (self.tr("Campaign"), brief.campaign),
            (self.tr("Deliverable"), self.tr("{count} note(s)").format(count=brief.note_count)),
            (self.tr("Apply by"), shown_time(brief.apply_by)),
            (self.tr("Publish from"), shown_time(brief.publish_from)),
            (self.tr("Publish until"), shown_time(brief.publish_until)),
            (
                self.tr("Protection"),
                self.tr("{days} day(s) after publishing").format(days=brief.protection_days),
            ),
            (self.tr("Review time"), self.tr("{hours} hour(s)").format(hours=brief.review_hours)),
        ]
        return [(label, value) for label, value in rows if value]

    def show_brief(self, brief: BriefPublic) -> None:
        layout, parent = self._layout, self
        clear(layout)
        title = QLabel(self.tr("The brief"), parent)
        title.setObjectName("CardTitle")
        layout.addWidget(title)
        if brief.description:
            description = QLabel(brief.description, parent)
            description.setWordWrap(True)
            layout.addWidget(description)
        facts = QGridLayout()
        facts.setHorizontalSpacing(14)
        facts.setVerticalSpacing(6)
        for row, (label, value) in enumerate(self.facts(brief)):
            name = QLabel(label, parent)
            name.setObjectName("FormLabel")
            shown = QLabel(value, parent)
            shown.setObjectName("FormValue")
            shown.setWordWrap(True)
            facts.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(shown, row, 1)
        facts.setColumnStretch(1, 1)
        layout.addLayout(facts)
        lists = (
            (self.tr("Key messages"), brief.key_messages, False, True),
            (self.tr("Required topics"), [f"#{t}" for t in brief.topics], False, False),
            (self.tr("Required mentions"), [f"@{m}" for m in brief.mentions], False, False),
            (self.tr("Products"), [p.name for p in brief.products], False, True),
            (self.tr("Do"), brief.dos, False, True),
            (self.tr("Don't"), brief.donts, False, True),
            (self.tr("Forbidden words"), brief.forbidden_words, True, False),
        )
        for label, items, bad, as_lines in lists:
            if not items:
                continue
            layout.addSpacing(4)
            layout.addWidget(section_label(label, parent))
            if as_lines:
                for item in items:
                    line = QLabel(f"•  {item}", parent)
                    line.setWordWrap(True)
                    layout.addWidget(line)
            else:
                layout.addWidget(flow_of_tags(items, parent, bad=bad))

"""Clusters: one real-world speaker as the article builds it up, mention by mention, and the store
that finds, makes and names them."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import resources
from ..records import SpeakerType
from .name_words import name_suffix
from .name_words import surname as surname_of
from .names import org_keys, without_body_noun


@dataclass(frozen=True)
class PersonParts:
    """A person's name as one phrase writes it, with what the phrase says of them."""

    name: str
    title: str | None = None
    gender: str | None = None
    organisation: str | None = None


@dataclass
class Cluster:
    """One real-world speaker: its name (the fullest form seen), what the article says of it, the
    keys it is found again under ("person:lopes", "acr:IOPC") and its mentions as char spans."""

    type: SpeakerType
    name: str | None
    title: str | None = None
    organisation: str | None = None
    description: str | None = None
    gender: str | None = None
    keys: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """What a reader is shown: the name, else the description."""
        return self.name or self.description or ""


class Clusters:
    """The article's clusters, found again by key. Indices are stable: a cluster is never removed."""

    def __init__(
        self,
        full_names: dict[str, str],
        expansions: dict[str, str],
        short_names: dict[str, str] | None = None,
        namesakes: dict[str, list[PersonParts]] | None = None,
    ) -> None:
        self.all: list[Cluster] = []
        self.full_names = full_names  # surname -> the fullest form of that person's name
        self.namesakes = namesakes or {}  # surname -> everyone named in full with it
        self.expansions = expansions  # acronym -> the organisation's full name
        self.short_names = short_names or {}  # first word -> the company's full name ("Velda")

    def __getitem__(self, index: int) -> Cluster:
        return self.all[index]

    def find(self, key: str) -> int | None:
        return next((i for i, c in enumerate(self.all) if key in c.keys), None)

    def new(self, cluster: Cluster) -> int:
        self.all.append(cluster)
        return len(self.all) - 1

    def person(
        self, parts: PersonParts, apposition: tuple[str | None, str | None] = (None, None), introduced: bool = False
    ) -> int:
        """The person a name stands for, by surname: "Mr Forber" joins "Tim Forber"; or by a first
        name alone, unless the phrase introduces its bearer ("His son, Tom, said")."""
        name = parts.name
        surname = surname_of(name).lower()
        full = name
        if len(name.split()) == 1:
            full = self._full_name(surname, parts.gender) or name
            if full == name and not introduced and self.find(f"person:{surname}") is None:
                full = self._by_first_name(surname) or name
        found = self._namesake(full, surname, parts.gender)
        if found is None and full == name and not parts.title and name in self.short_names:
            return self.org(name)  # "Velda said" with "Velda Motors" named and no person Velda
        if found is None:
            found = self.new(Cluster("PERSON", full, keys={f"person:{surname}", f"person:{full.lower()}"}))
        cluster = self.all[found]
        if len(full.split()) > len((cluster.name or "").split()):
            cluster.name = full
        cluster.title = cluster.title or parts.title or apposition[0]
        cluster.organisation = cluster.organisation or parts.organisation or apposition[1]
        cluster.gender = cluster.gender or parts.gender
        return found

    def _full_name(self, surname: str, gender: str | None) -> str | None:
        """The full name a surname alone stands for: the first named with it, or "Mrs Reed" the
        first of her gender."""
        people = self.namesakes.get(surname) or []
        agreeing = [p for p in people if gender is None or p.gender in (None, gender)]
        return (agreeing or people)[0].name if people else self.full_names.get(surname)

    def _by_first_name(self, word: str) -> str | None:
        """ "Sir Menzies" after "Sir Menzies Campbell", "Sarah said" after "Sarah Jones, 34,": a word
        no one named in full bears as a surname is the first name of the one person who bears it."""
        bearers = {p.name for people in self.namesakes.values() for p in people if p.name.split()[0].lower() == word}
        return bearers.pop() if len(bearers) == 1 else None

    def _namesake(self, name: str, surname: str, gender: str | None) -> int | None:
        """The person of that surname a name stands for. Two people may share one ("Tom Reed, whose
        wife Ana Reed ..."): a full name with another first name is another person, and "Mrs Reed"
        the one of her gender."""
        words = name.split()
        if len(words) > 1:
            own = self.find(f"person:{name.lower()}")
            if own is not None:
                return own
        same = [i for i, c in enumerate(self.all) if f"person:{surname}" in c.keys]
        if len(words) > 1:
            # "Lopez Obrador" after "Andres Manuel Lopez Obrador": the end of a longer name is its surname.
            tail = next((i for i in same if (self.all[i].name or "").lower().endswith(" " + name.lower())), None)
            if tail is not None:
                return tail
            first = words[0].rstrip(".").lower()
            # "Donald Trump Jr." is not "Donald J. Trump": a suffix makes the son another person.
            same = [i for i in same if name_suffix(self.all[i].name or "") == name_suffix(name)]
            return next((i for i in same if _same_first_name(first, self.all[i].name or "")), None)
        agreeing = [i for i in same if gender is None or self.all[i].gender in (None, gender)]
        return (agreeing or same)[0] if same else None

    def org(self, name: str) -> int:
        """The organisation a name stands for, by its name or acronym ("IOPC" joins its expansion)."""
        # "IOPC" is the Independent Office for Police Conduct, "Velda" Velda Motors.
        name = self.expansions.get(name) or self.short_names.get(name) or name
        # "the Tories" is found again as "the Conservatives": both are keys of the Conservative
        # Party, and the speaker keeps the name the article gave it first.
        keys = org_keys(name) | org_keys(resources.org_aliases().get(name.lower(), name))
        for key in sorted(keys):
            if (found := self.find(key)) is not None:
                self.all[found].keys |= keys
                return found
        return self.new(Cluster("ORG", without_body_noun(name), keys=keys))

    def anonymous(self, type_: SpeakerType, description: str) -> int:
        """A speaker the article does not name, kept under its description ("social workers")."""
        key = f"anon:{description.lower()}"
        found = self.find(key)
        return found if found is not None else self.new(Cluster(type_, None, description=description, keys={key}))


def _same_first_name(first: str, known: str) -> bool:
    """ "Tom" and "Tom Reed", "T." and "Tom Reed", "Tom" and "Reed" (no first name known): one
    person may be; "Ana" and "Tom Reed" are two."""
    words = known.split()
    if len(words) < 2:
        return True
    other = words[0].rstrip(".").lower()
    return other.startswith(first) or first.startswith(other)

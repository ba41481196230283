"""The funding-pool rule: a pool's total is never entered as a programme's own
money; and how a pool and its shares reach the model."""
from support import dedent, directory_of
from directory.validate import validate

from .cases import example_lines

# an initiative, a course that is part of it, a module-like course under that,
# and an unrelated programme; each test gives them funding
BASE = """\
programmes:
  - id: initiative
    kind: initiative
    original_language: da
    name: {da: Initiativ}
    summary: {da: Et initiativ., en: An initiative.}
    funding: INITIATIVE
    sources:
      - source: socialstyrelsen-opstartsforloeb
    last_reviewed: "2026-11-23"
  - id: course
    kind: course
    parent: initiative
    original_language: da
    name: {da: Forløb}
    summary: {da: Et forløb., en: A course.}
    funding: COURSE
    sources:
      - source: socialstyrelsen-opstartsforloeb
    last_reviewed: "2026-11-23"
  - id: part
    kind: course
    parent: course
    original_language: da
    name: {da: Del}
    summary: {da: En del., en: A part.}
    funding: PART
    sources:
      - source: socialstyrelsen-opstartsforloeb
    last_reviewed: "2026-11-23"
  - id: other
    kind: programme
    original_language: da
    name: {da: Andet}
    summary: {da: Et andet program., en: Another programme.}
    funding: OTHER
    sources:
      - source: socialstyrelsen-opstartsforloeb
    last_reviewed: "2026-11-23"
"""

POOL = "[{amount: 73700000, currency: DKK, pool: true, shared_among: 9}]"
OWN = "[{amount: 73700000, currency: DKK}]"
SHARE = "[{share_of: initiative}]"
SMALL = "[{amount: 250000, currency: DKK}]"


def text(initiative=SMALL, course=SMALL, part="[{currency: DKK}]", other="[{currency: EUR}]") -> str:
    return (BASE.replace("INITIATIVE", initiative).replace("COURSE", course)
            .replace("PART", part).replace("OTHER", other))


def problems(data_folder, programmes: str) -> list[str]:
    data_folder("programmes.yaml", programmes)
    return [p.format() for p in validate("data").problems]


def test_example():
    assert example_lines("funding-pool") == [
        "data/programmes.yaml:18:18: error: programmes[1].funding[0].amount: 2000000 EUR is the pool of "
        "'gent-plan', shared among 6, not this programme's own money; write share_of: gent-plan instead of "
        "amount and currency (give an amount only when the source states this programme's own share) "
        "[funding-pool]"]

def test_a_pool_and_a_share_of_it_are_valid(data_folder):
    assert problems(data_folder, text(initiative=POOL, course=SHARE, part=SHARE)) == []


def test_a_stated_share_below_the_pool_is_valid(data_folder):
    assert problems(data_folder, text(initiative=POOL, course="[{share_of: initiative, amount: 5000000, "
                                                              "currency: DKK}]")) == []


def test_the_same_amount_elsewhere_without_a_pool_is_no_problem(data_folder):
    # siblings, unrelated records and other currencies may have equal amounts
    assert problems(data_folder, text(initiative=SMALL, course="[{amount: 250000, currency: EUR}]",
                                      other=SMALL)) == []


def test_a_part_repeating_its_wholes_amount(data_folder):
    """The mistake the rule was made for: the initiative's total copied into
    the course, with neither marked as a pool."""
    assert problems(data_folder, text(initiative=OWN, course=OWN)) == [
        "data/programmes.yaml:17:24: error: programmes[1].funding[0].amount: 73700000 DKK is also the "
        "funding of 'initiative', which this record is part of; a part does not repeat its whole's money: "
        "if the amount is shared among the parts of 'initiative', mark it there with pool: true and write "
        "share_of: initiative here, otherwise remove the amount here [funding-pool]"]


def test_the_nearest_whole_is_named_further_down(data_folder):
    out = problems(data_folder, text(initiative=OWN, course=SMALL, part=OWN))
    assert out == [
        "data/programmes.yaml:27:24: error: programmes[2].funding[0].amount: 73700000 DKK is also the "
        "funding of 'initiative', which this record is part of; a part does not repeat its whole's money: "
        "if the amount is shared among the parts of 'initiative', mark it there with pool: true and write "
        "share_of: initiative here, otherwise remove the amount here [funding-pool]"]
    out = problems(data_folder, text(initiative=OWN, course=OWN, part=OWN))
    assert [line.split(": error: ")[0] for line in out] == ["data/programmes.yaml:17:24", "data/programmes.yaml:27:24"]
    assert "the funding of 'course'" in out[1]


def test_a_pool_entered_as_a_programmes_own_money(data_folder):
    pool_words = ("73700000 DKK is the pool of 'initiative', shared among 9, not this programme's own "
                  "money; write share_of: initiative instead of amount and currency (give an amount only "
                  "when the source states this programme's own share) [funding-pool]")
    assert problems(data_folder, text(initiative=POOL, course=OWN)) == [
        f"data/programmes.yaml:17:24: error: programmes[1].funding[0].amount: {pool_words}"]
    # anywhere, not only below the pool
    assert problems(data_folder, text(initiative=POOL, other=OWN)) == [
        f"data/programmes.yaml:36:24: error: programmes[3].funding[0].amount: {pool_words}"]


def test_a_pool_recorded_twice_down_the_hierarchy(data_folder):
    assert problems(data_folder, text(initiative=POOL, course=POOL)) == [
        "data/programmes.yaml:17:24: error: programmes[1].funding[0].amount: 73700000 DKK is already the "
        "pool of 'initiative', which this record is part of; record a pool once: write share_of: "
        "initiative instead of amount, currency and pool [funding-pool]"]


def test_a_share_that_is_the_whole_pool(data_folder):
    assert problems(data_folder, text(initiative=POOL, course="[{share_of: initiative, amount: 73700000, "
                                                              "currency: DKK}]")) == [
        "data/programmes.yaml:17:46: error: programmes[1].funding[0].amount: 73700000 DKK is the whole "
        "pool of 'initiative' or more, not this programme's share; remove amount (the page then says "
        "'share not stated'), or give the share the source states [funding-pool]"]


def test_share_of_needs_a_pool(data_folder):
    assert problems(data_folder, text(initiative=OWN.replace("73700000", "1000"), course=SHARE)) == [
        "data/programmes.yaml:17:26: error: programmes[1].funding[0].share_of: 'initiative' holds no pool; "
        "mark the pool's amount in the funding of 'initiative' with pool: true, or remove share_of "
        "[funding-pool]"]


def test_share_of_names_an_existing_programme(data_folder):
    assert problems(data_folder, text(initiative=POOL, course="[{share_of: initiatve}]")) == [
        "data/programmes.yaml:17:26: error: programmes[1].funding[0].share_of: unknown programme id "
        "'initiatve'; did you mean 'initiative'? allowed: course, initiative, other, part [references]"]


def test_share_of_itself_and_pool_with_share_of(data_folder):
    assert problems(data_folder, text(initiative="[{share_of: initiative}]")) == [
        "data/programmes.yaml:7:26: error: programmes[0].funding[0].share_of: share_of names this record "
        "itself; name the record that holds the pool [funding-pool]"]
    assert problems(data_folder, text(initiative=POOL, course="[{pool: true, share_of: initiative}]")) == [
        "data/programmes.yaml:17:38: error: programmes[1].funding[0].share_of: an item is either a pool "
        "(pool: true) or a share of one (share_of), not both; remove one of them [funding-pool]"]


def test_shared_among_needs_pool_true(data_folder):
    assert problems(data_folder, text(initiative="[{amount: 73700000, currency: DKK, shared_among: 9}]")) == [
        "data/programmes.yaml:7:63: error: programmes[0].funding[0].shared_among: shared_among says how "
        "many share a pool; add pool: true to this item, or remove shared_among [funding-pool]"]


def test_shared_among_is_a_count_of_two_or_more(data_folder):
    out = problems(data_folder, text(initiative="[{amount: 5, currency: DKK, pool: true, shared_among: 1}]"))
    assert out == ["data/programmes.yaml:7:68: error: programmes[0].funding[0].shared_among: 1 is out of "
                   "range; it must be at least 2 [schema]"]


def test_a_parent_loop_does_not_stop_the_check(data_folder):
    looped = text(initiative=OWN, course=OWN).replace("    kind: initiative\n",
                                                      "    kind: initiative\n    parent: course\n", 1)
    out = problems(data_folder, looped)
    assert [line.rsplit("[", 1)[1] for line in out] == ["parent-kind]", "parent-cycles]"]


def test_a_deep_hierarchy_names_the_nearest_whole(data_folder):
    """Every course of a 400-deep chain repeats the top's amount: each is
    reported once, naming the course just above it."""
    depth = 400
    records = [dedent(f"""\
      - id: c{i}
        kind: course
        {"parent: c" + str(i - 1) if i else "original_language: da"}
        {"original_language: da" if i else "funding: [{amount: 1, currency: DKK}]"}
        name: {{da: Forløb {i}}}
        summary: {{da: Et forløb., en: A course.}}
        {"funding: [{amount: 1, currency: DKK}]" if i else "themes: [foster-care]"}
        sources: [{{source: socialstyrelsen-opstartsforloeb}}]
        last_reviewed: "2026-11-23"
    """) for i in range(depth)]
    out = problems(data_folder, "programmes:\n" + "".join("  " + line + "\n" for r in records
                                                          for line in r.splitlines()))
    assert len(out) == depth - 1
    assert all(f"also the funding of 'c{i}'," in line for i, line in enumerate(out))


def test_the_model_links_a_pool_and_its_shares(tmp_path):
    d = directory_of(tmp_path / "data", """\
        programmes:
          - id: plan-a
            kind: action-plan
            original_language: nl
            name: {nl: Plan}
            summary: {nl: Een plan., en: A plan.}
            funding:
              - {amount: 1000000, currency: EUR, pool: true, shared_among: 4}
            sources: [{source: doc-a}]
            last_reviewed: "2026-11-23"
          - id: pillar-a
            kind: pillar
            parent: plan-a
            original_language: nl
            name: {nl: Pijler}
            summary: {nl: Een pijler., en: A pillar.}
            funding:
              - {share_of: plan-a}
              - {amount: 5000, currency: EUR}
            sources: [{source: doc-a}]
            last_reviewed: "2026-11-23"
        """)
    plan, pillar = d.programmes["plan-a"], d.programmes["pillar-a"]
    pool, = plan.funding
    share, own = pillar.funding
    assert (pool.pool, pool.shared_among, pool.own_amount) == (True, 4, None)
    assert share.share_of is plan and share.pools == [pool] and share.own_amount is None
    assert own.own_amount == 5000 and own.share_of is None and own.pools == []
    assert plan.pool_shares == [pillar] and pillar.pool_shares == []

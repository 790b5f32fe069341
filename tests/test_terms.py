"""Unit tests of the term model: reading terms from front matter, and joining them into an index."""

from __future__ import annotations

from notekit.terms import Term, build_index, misspelled_terms_keys, sort_key, terms_from_page, terms_key_problems

EBS = {
    "id": "ebs",
    "name": "Amazon Elastic Block Store",
    "abbr": ["EBS"],
    "aliases": ["Amazon EBS", " EBS volume "],
    "summary": "Block storage   for EC2.",
    "see": ["efs"],
}


def page(*terms, anchors=("ebs", "efs", "s3")):
    return terms_from_page({"terms": list(terms)}, "storage.md", "Storage", anchors)


def test_reads_every_field_and_tidies_whitespace():
    terms, problems = page(EBS)
    assert problems == []
    assert terms == [
        Term(
            id="ebs",
            name="Amazon Elastic Block Store",
            summary="Block storage for EC2.",
            source="storage.md",
            family="Storage",
            abbr=("EBS",),
            aliases=("Amazon EBS", "EBS volume"),
            see=("efs",),
        )
    ]
    assert terms[0].forms == ("Amazon Elastic Block Store", "EBS", "Amazon EBS", "EBS volume")


def test_a_page_without_terms_has_none():
    assert terms_from_page({"title": "Home"}, "index.md", "Home", []) == ([], [])


def test_term_without_summary_is_a_problem_naming_file_and_term():
    _, problems = page({**EBS, "summary": "  "})
    assert problems == ["storage.md: term 'ebs' has no 'summary'"]


def test_summary_longer_than_a_tooltip_is_a_problem():
    _, problems = page({**EBS, "summary": "x" * 161})
    assert problems == ["storage.md: term 'ebs': its summary has 161 characters, at most 160 fit a tooltip"]


def test_id_must_be_an_anchor_of_the_page():
    _, problems = page({**EBS, "id": "elastic-block-store"})
    assert problems == [
        "storage.md: term 'elastic-block-store': its id must be the anchor of a heading on the page "
        "({ #elastic-block-store })"
    ]


def test_missing_id_or_name_and_unknown_keys_are_problems():
    _, problems = page({"name": "X", "summary": "s."}, {"id": "s3", "summary": "s."}, {**EBS, "alias": ["typo"]})
    assert problems == [
        "storage.md: term '1' has no 'id'",
        "storage.md: term 's3' has no 'name'",
        "storage.md: term 'ebs' has unknown keys ['alias'] "
        "(known: ['abbr', 'aliases', 'id', 'name', 'reader_words', 'reference', 'see', 'summary'])",
    ]


def test_forms_that_cannot_be_matched_are_problems():
    _, problems = page({**EBS, "aliases": ["E", "EBS {gp3}"], "abbr": "EBS"})
    assert len(problems) == 2 and all("cannot be matched" in p for p in problems)


def test_malformed_terms_list_and_entries():
    assert terms_from_page({"terms": {"ebs": {}}}, "s.md", "S", [])[1] == [
        "s.md: 'terms' in the front matter must be a list of terms"
    ]
    assert page("ebs")[1] == ["storage.md: term 1 must be a mapping with id, name and summary"]
    assert page({**EBS, "aliases": [1]})[1] == ["storage.md: term 'ebs': 'aliases' must be a list of non-empty texts"]


def test_terms_with_punctuation_are_fine():
    terms, problems = page({"id": "s3", "name": "A/B testing (C++ & .NET)", "summary": "Odd but fine."})
    assert problems == [] and terms[0].name == "A/B testing (C++ & .NET)"


def other(**changes):
    base = {"id": "efs", "name": "Amazon Elastic File System", "abbr": ["EFS"], "summary": "Files."}
    return terms_from_page({"terms": [{**base, **changes}]}, "files.md", "Files", ["efs", "ebs"])


def test_index_joins_pages():
    index = build_index([page(EBS), other()])
    assert index.problems == []
    assert [t.id for t in index.sorted_terms()] == ["ebs", "efs"]


def test_same_id_on_two_pages_names_both_files():
    index = build_index([page({**EBS, "see": []}), other(id="ebs", name="Other", abbr=[])])
    assert index.problems == ["term id 'ebs' is defined twice: in storage.md and in files.md"]


def test_same_alias_on_two_terms_names_both():
    index = build_index([page(EBS), other(aliases=["EBS volume"])])
    assert index.problems == ["'EBS volume' names two terms: 'ebs' (storage.md) and 'efs' (files.md)"]


def test_alias_that_is_another_terms_name():
    index = build_index([page(EBS), other(aliases=["Amazon Elastic Block Store"])])
    assert index.problems == [
        "'Amazon Elastic Block Store' is the name of term 'ebs' (storage.md) and also an alias "
        "or abbreviation of term 'efs' (files.md)"
    ]


def test_see_also_must_name_a_term():
    index = build_index([page({**EBS, "see": ["efs", "nfs"]}), other()])
    assert index.problems == ["storage.md: term 'ebs' has 'see: nfs', which is no term"]


def test_page_problems_are_carried_into_the_index():
    index = build_index([page({**EBS, "summary": "", "see": []})])
    assert index.problems == ["storage.md: term 'ebs' has no 'summary'"]


def test_sort_key_ignores_the_amazon_and_aws_prefixes_and_case():
    names = ["AWS Lambda", "Amazon EC2", "caching", "Amazon DynamoDB"]
    assert sorted(names, key=sort_key) == ["caching", "Amazon DynamoDB", "Amazon EC2", "AWS Lambda"]


def test_the_terms_key_mistyped_is_a_problem_and_other_words_are_not():
    mistyped = ["term", "Terms", "TERMS", " terms", "trems", "tems", "termss"]
    words = ["items", "teams", "tears", "title", "description", "tags", "term_count"]
    meta = {key: [] for key in mistyped + words}
    assert misspelled_terms_keys(meta) == mistyped
    assert terms_key_problems({"terms": None}, "p.md") == [
        "p.md: 'terms:' is empty: list the page's terms under it, or remove it"
    ]
    assert terms_key_problems({"terms": "ebs"}, "p.md") == ["p.md: 'terms' in the front matter must be a list of terms"]


SPOT = {
    "id": "spot",
    "name": "Spot Instances",
    "summary": "Spare capacity.",
    "reader_words": ["cheapest", " interruptible "],
}


def test_reader_words_are_read_and_are_not_forms():
    terms, problems = page(SPOT, anchors=["spot"])
    assert problems == []
    assert terms[0].reader_words == ("cheapest", "interruptible")
    assert "cheapest" not in terms[0].forms  # never linked in the text


def test_a_reader_word_that_is_the_terms_own_form_or_written_twice_is_a_problem():
    _, problems = page(SPOT | {"reader_words": ["spot instances", "cheap", "Cheap!"]}, anchors=["spot"])
    assert problems == [
        "storage.md: term 'spot': reader word 'spot instances' is already its name, abbreviation or alias",
        "storage.md: term 'spot': reader word 'Cheap!' is written twice",
    ]


def test_reader_words_must_be_texts():
    _, problems = page(SPOT | {"reader_words": [3]}, anchors=["spot"])
    assert problems == ["storage.md: term 'spot': 'reader_words' must be a list of non-empty texts"]
    _, problems = page(SPOT | {"reader_words": ["<b>"]}, anchors=["spot"])
    assert problems == ["storage.md: term 'spot': reader word '<b>' is not plain text (letters, digits and spaces)"]


def index_of(*raw_terms):
    return build_index([page(*raw_terms, anchors=[term["id"] for term in raw_terms])])


def test_a_reader_word_claimed_by_another_term_is_a_problem_naming_both():
    on_demand = {"id": "on-demand", "name": "On-Demand", "summary": "Pay by the second.", "reader_words": ["Cheapest"]}
    assert index_of(SPOT, on_demand).problems == [
        "storage.md: reader word 'Cheapest' of term 'on-demand' is already claimed by term 'spot' (storage.md)"
    ]
    named = {"id": "cheap", "name": "Cheapest", "summary": "A name."}
    assert index_of(SPOT, named).problems == [
        "storage.md: reader word 'cheapest' of term 'spot' is already claimed by term 'cheap' (storage.md)"
    ]


def test_a_reader_word_with_another_terms_name_in_it_is_a_problem():
    ec2 = {"id": "ec2", "name": "Amazon EC2", "abbr": ["EC2"], "summary": "Servers."}
    pricing = {"id": "pricing", "name": "EC2 pricing", "summary": "Costs.", "reader_words": ["cost of ec2", "bill"]}
    assert index_of(ec2, pricing).problems == [
        "storage.md: reader word 'cost of ec2' of term 'pricing' has the name of term 'ec2' (storage.md) in it: "
        "a search for that name would find both"
    ]
    # Whole words only: "ec2" inside "sec2" is no name.
    assert index_of(ec2, pricing | {"reader_words": ["sec2 spare"]}).problems == []

"""Reading the learner's situation from free text."""

import random

import pytest

from advisor.profile import (
    GOAL_GRADUATE,
    GOAL_SKILLS,
    LOW_BUDGET,
    NO_BUDGET_LIMIT,
    answers_plainly,
    asks_to_stop,
    asks_which_to_choose,
    final_question,
    is_unsure,
    parse_any_subject,
    parse_budget,
    parse_credit,
    parse_goal,
    parse_weekly_hours,
    revises,
    speaks_for_oneself,
    supposed_change,
    talks_about_oneself,
    without_rejected,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I want a quick job skill", GOAL_SKILLS),
        ("whatever gets me hired", GOAL_SKILLS),
        ("something practical I can use at work soon", GOAL_SKILLS),
        ("deep expertise, maybe a master's later", GOAL_GRADUATE),
        ("i want to go to grad school eventually", GOAL_GRADUATE),
        ("I don't want a masters, just skills for my job", GOAL_SKILLS),
        ("i want to switch careers", GOAL_SKILLS),
        ("hello there", None),
    ],
)
def test_goal(text, expected):
    assert parse_goal(text) == expected


@pytest.mark.parametrize(
    "text, intent, asked, expected",
    [
        ("credit matters to me", None, False, True),
        ("I want it to count toward a master's", None, False, True),
        ("i don't care about credit", None, False, False),
        ("credit doesn't matter", None, False, False),
        ("what if credit didn't matter", None, False, False),
        ("yes", "affirm", True, True),
        ("nope", "deny", True, False),
        ("", "affirm", True, True),
        ("yes", "affirm", False, None),
        # Hesitation is no answer, even when the classifier reads "hmm" as a yes.
        ("hmm", "affirm", True, None),
        ("umm...", "affirm", True, None),
        ("let me think", "affirm", True, None),
        ("let me think about it...", "stop", True, None),
        ("hang on a sec", "affirm", True, None),
        ("hmm yes", "affirm", True, True),
        # A question about credit says nothing about wanting it; a question about oneself may.
        ("tell me about credit", "inform", True, None),
        ("do certificates give credit?", None, False, None),
        ("which should i pick, credit matters to me", None, False, True),
        # The words win over the classifier: "affirmative" read as deny made credit not matter.
        ("affirmative", "deny", True, True),
        ("yup", "deny", True, True),
        ("negative", "affirm", True, False),
    ],
)
def test_credit(text, intent, asked, expected):
    assert parse_credit(text, intent, asked) == expected


@pytest.mark.parametrize(
    "text, asked, expected",
    [
        ("about 5 hours a week", False, 5),
        ("10h/week", False, 10),
        ("maybe 8-12 hrs weekly", False, 10),
        ("two hours a day", False, 14),
        ("five hours", False, 5),
        ("I'm pretty busy", False, 3),
        ("five-ish hours each week", False, 5),
        ("5ish hrs", False, 5),
        ("7", True, 7),
        ("7", False, None),
        ("budget is $1500", False, None),
        ("i can study full time", False, 20),
        # How long one works is not how long one can study.
        ("i want to switch careers into data analytics and i work full time", False, None),
        ("i have a full-time job", True, None),
        ("i work full time but can do 6 hours", True, 6),
    ],
)
def test_weekly_hours(text, asked, expected):
    assert parse_weekly_hours(text, asked) == expected


@pytest.mark.parametrize(
    "text, asked, expected",
    [
        ("under $500", False, 500),
        ("around 1,000 dollars", False, 1000),
        ("budget is 2k", False, 2000),
        ("I can spend 1500", False, 1500),
        ("money is no object", False, NO_BUDGET_LIMIT),
        ("as cheap as possible", False, LOW_BUDGET),
        ("whatever is cheapest", True, LOW_BUDGET),
        ("on a shoestring, the less the better", True, LOW_BUDGET),
        ("it has to be free", False, 0),
        ("800", True, 800),
        ("800", False, None),
        ("10 hours a week", False, None),
        ("doesn't matter", True, NO_BUDGET_LIMIT),
        ("cost doesn't matter", False, NO_BUDGET_LIMIT),
        # An answer to the credit question is not a budget.
        ("no credit doesn't matter", False, None),
        ("i can spend 1000, credit doesn't matter", False, 1000),
        ("budget 800. credit doesn't matter", False, 800),
        ("around $400, credit doesn't matter", True, 400),  # Said to the budget question.
        ("no limit", False, None),
        ("i feel like it doesn't matter", False, None),
        ("the fee doesn't matter", False, NO_BUDGET_LIMIT),
        # Rough amounts in words are answers too.
        ("not much, a few hundred bucks", True, 300),
        ("a couple hundred", True, 200),
        ("a couple hundred", False, None),
        ("maybe a few thousand dollars", False, 3000),
        ("2 grand", False, 2000),
        ("a grand", True, 1000),
        ("not much", True, LOW_BUDGET),
        ("not much time", True, None),
        ("a few hundred hours in total", False, None),
        # A comma after the figure is punctuation (it crashed the action once).
        ("10 hours a week and about $1,500, credit matters", False, 1500),
        ("money is really tight right now, im a student", False, LOW_BUDGET),
        ("cost isnt an issue, my employer pays", False, NO_BUDGET_LIMIT),
        ("my company covers it", True, NO_BUDGET_LIMIT),
        ("my company covers it", False, None),
        # An employer's limit is the budget.
        ("my company pays up to 2000 dollars", False, 2000),
        # Said to another question: "pays" is about money, and no one has 500 hours a week.
        ("my company pays", False, NO_BUDGET_LIMIT),
        ("under 500", False, 500),
        ("under 2,000", False, 2000),
        ("under 5", False, None),
        ("less than 1000 students get in", False, None),
        ("work covers up to $1,500", True, 1500),
        # A figure of hours is not a budget, not even the start of it.
        ("my employer pays, and i have 10 hours a week", False, NO_BUDGET_LIMIT),
        # "no money" beside a figure of something else.
        ("i have like 2 hrs a week and no money", False, 0),
        ("i can't pay more than $500", False, 500),
    ],
)
def test_budget(text, asked, expected):
    assert parse_budget(text, asked) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Answers the classifier reads as questions on their topic.
        ("i do need the credit", True),
        ("the credit part is kind of irrelevant to me", True),
        ("my goal is to get into a good grad school later on", True),
        ("five-ish hours each week", True),
        # Questions, however they are classified.
        ("certificates give credit?", False),
        ("do certificates give credit", False),
        ("tell me about credit", False),
        ("i'd like to know the price first", False),
        ("how many hours do i need", False),
        # Neither about the learner nor a figure: "certificates give credit" may be a question.
        ("certificates give credit", False),
        ("ok whch one cheaper", False),  # "one" points; it is no figure
        ("", False),
    ],
)
def test_speaks_for_oneself(text, expected):
    assert speaks_for_oneself(text) is expected


def test_one_message_with_everything():
    text = (
        "i want to get into supply chain and maybe do a masters later, "
        "10 hours a week, budget 1500 dollars, credit matters"
    )
    assert parse_goal(text) == GOAL_GRADUATE
    assert parse_weekly_hours(text) == 10
    assert parse_budget(text) == 1500
    assert parse_credit(text) is True


def test_no_subject_preference():
    assert parse_any_subject("not sure yet")
    assert not parse_any_subject("data science")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("actually my budget is 2000", True),
        ("what if i had 15 hours a week", True),
        ("actually i meant a quick job skill", True),
        ("i changed my mind, credit matters", True),
        # A plain answer changes nothing already answered.
        ("i have 10 hours", False),
        ("my budget is 500", False),
    ],
)
def test_revising_an_earlier_answer(text, expected):
    assert revises(text) is expected


def test_no_parser_fails_on_figures_and_punctuation():
    # Messages are free text: no mix of digits, separators and units may raise.
    pieces = ["1", "15", "1,500", "2.5", ",", ".", "$", "k", " ", "hours", "a week", "usd", "-", "to", "1,2,3", "€"]
    generator = random.Random(7)
    for _ in range(3000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 8)))
        for asked in (True, False):
            parse_budget(text, asked)
            parse_weekly_hours(text, asked)
            parse_credit(text, None, asked)
        parse_goal(text)


@pytest.mark.parametrize(
    ("text", "about_oneself"),
    [("i'm a nurse moving into data", True), ("my boss pays", True), ("2nd", False), ("am i eligible?", False)],
)
def test_a_statement_about_oneself_is_told_from_a_figure_or_a_question(text, about_oneself):
    assert talks_about_oneself(text) is about_oneself


@pytest.mark.parametrize(
    ("text", "slot", "plain"),
    [
        ("cheap", "budget", True),
        ("cheap?", "budget", False),
        ("how cheap is it", "budget", False),
        ("job", "goal", True),
        # A filler first still asks: "data science" here names a programme, not the subject wanted.
        ("hm how much is the mit data science one", "subject", False),
        ("ok so what does data science cost", "subject", False),
    ],
)
def test_a_plain_answer_is_told_from_a_question(text, slot, plain):
    assert answers_plainly(text, slot) is plain


@pytest.mark.parametrize(
    ("text", "stop"),
    [("stop", True), ("never mind, forget it", True), ("i'm done answering", True), ("blorp qwertyuiop", False)],
)
def test_a_request_to_stop_says_so_in_words(text, stop):
    assert asks_to_stop(text) is stop


@pytest.mark.parametrize(
    "text",
    [
        "not sure",
        "Not sure yet.",
        "i dont know",
        "dunno",
        "no idea",
        "idk",
        "maybe",
        "skip",
        "skip this one",
        "up to you",
    ],
)
def test_an_answer_that_only_says_i_dont_know_is_unsure(text):
    assert is_unsure(text)


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "doesn't matter",  # to "does credit matter?", a no; to the budget, no limit
        "not sure, maybe 5 hours",  # an answer after all
        "i'm not sure about the budget but 10 hours a week",
        "hmm",  # a hesitation: the question again, with no rush
    ],
)
def test_an_answer_with_content_is_not_unsure(text):
    assert not is_unsure(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("which is better for getting a job fast", True),
        ("whats best for landing a job in data", True),
        ("which one should i pick, i want a job", True),
        ("which pizza is better", False),
        ("what is the best job site", False),
        ("what should i cook for a quick dinner", False),
    ],
)
def test_which_of_the_two_to_choose_is_told_from_which_of_something_else(text, expected):
    assert asks_which_to_choose(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("$500 to $1,500", 1500.0), ("500-1500 dollars", 1500.0), ("1k-2k", 2000.0), ("5-10 hours", None)],
)
def test_a_budget_range_is_read_as_its_upper_end(text, expected):
    assert parse_budget(text, asked=True) == expected


@pytest.mark.parametrize("text", ["I'd rather not say", "prefer not to answer", "idk maybe both", "a bit of both"])
def test_declining_or_both_leaves_the_question_out(text):
    assert is_unsure(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm a mechanical engineer. Would a MicroMasters count toward it?", "Would a MicroMasters count toward it?"),
        ("i am a nurse. how much is it?", "how much is it?"),
        ("how much is it?", None),  # a question alone is not one asked after a statement
        ("I'm a nurse. I want data skills.", None),
    ],
)
def test_the_question_a_message_ends_with_after_a_statement(text, expected):
    assert final_question(text) == expected


def test_a_degree_one_already_has_is_not_the_goal():
    # "Why: You want deep, graduate-level expertise", said to someone who never said so.
    text = "I already have a master's in engineering. Is a MicroMasters still useful for me?"
    assert parse_goal(text) is None
    assert parse_goal("i have a masters degree and want a quick skill") == GOAL_SKILLS


def test_under_5_said_to_the_hours_question_is_not_also_a_budget():
    # "Your budget is about $5": "under 5" filled the budget question it was not asked.
    assert parse_budget("under 5") is None
    assert parse_budget("under 500", asked=True) == 500.0
    assert parse_budget("my company pays up to 2000 dollars") == 2000.0


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("i want to get into mit supply chain masters, i work full time, 12 hrs a week", "graduate"),
        ("im a nurse and want to move into healthcare data", "skills"),
    ],
)
def test_the_goal_is_read_past_what_one_does_for_a_living(text, goal):
    # "i work full time" counted as a job-skill goal, cancelling "masters": the goal question came anyway.
    assert parse_goal(text) == goal


def test_a_range_said_with_between_reads_like_one_with_to():
    # "between 500 and 2000" got "Sorry, I didn't catch the budget".
    assert parse_budget("between 500 and 2000", asked=True) == 2000
    assert parse_weekly_hours("between 5 and 10 hours") == parse_weekly_hours("5 to 10 hours")


@pytest.mark.parametrize(("text", "hours"), [("2 hrs/day", 14.0), ("2 hours a day", 14.0), ("2 hrs a week", 2.0)])
def test_hours_a_day_count_for_the_week(text, hours):
    # "2 hrs/day" was read as 2 hours a week.
    assert parse_weekly_hours(text) == hours


@pytest.mark.parametrize("text", ["around 40k rupees", "£300 max", "1200 euros", "€800-1000"])
def test_a_budget_in_another_currency_is_not_taken_for_dollars(text):
    # "around 40k rupees" was a budget of $40,000.
    assert parse_budget(text, asked=True) is None


@pytest.mark.parametrize(
    ("text", "asked", "budget"),
    [
        # About time, not money: it set "your budget is nothing to spend".
        ("Perhaps eight to ten hours. Tax season is the exception, January to April I have nothing.", False, None),
        ("nothing", True, 0.0),
        ("i have nothing to spend", False, 0.0),
        ("Money isn't really the issue.", False, NO_BUDGET_LIMIT),
        ("teacher salary lol. 700 max", True, 700.0),
        ("i could do 700", True, 700.0),
        ("10 hours max", True, None),
    ],
)
def test_budgets_new_users_gave_in_their_own_words(text, asked, budget):
    assert parse_budget(text, asked=asked) == budget


def test_answers_new_users_gave_in_their_own_words():
    assert parse_credit("dont care about degrees") is False
    assert parse_credit("actually forget the degree part. i just want a better job, no more school after this") is False
    assert parse_credit("ok", "affirm", asked=True) is None  # acknowledging an answer in between
    assert parse_credit("yes", "affirm", asked=True) is True
    assert parse_goal("actually i want deep expertise not a quick skill") == "graduate"
    assert is_unsure("depends on the uni") and is_unsure("a bit")


def test_a_what_if_without_figures_supposes_the_buttons_answers():
    assert supposed_change("what if i had more money?") == {"budget": NO_BUDGET_LIMIT}
    assert supposed_change("and if I had less time") == {"weekly_hours": 4.0}
    assert supposed_change("what if my budget was 300") == {}  # a figure: changed, not supposed


def test_shift_lengths_and_under_are_read_as_meant():
    # "I work 12 hour shifts … 6-8 hrs/wk" was 12 hours a week and a job-skill goal; "<5" was 5 hours.
    text = "I work 12 hour shifts so like maybe 6-8 hrs/wk tops. I would like something that could lead to a masters"
    assert parse_weekly_hours(text) == 7.0 and parse_goal(text) == "graduate"
    assert parse_weekly_hours("<5", asked=True) == 4.0 and parse_weekly_hours("under 5", asked=True) == 4.0
    assert parse_budget("maybe 300 dolar", asked=True) == 300.0


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("10ish", 10.0),
        ("honestly I got all day right now, 20+", 20.0),
        ("I said 7 already?", 7.0),
        ("I have 2 kids", None),
    ],
)
def test_hours_hedged_in_words_answer_the_hours_question(text, hours):
    # "Sorry, I didn't catch the hours" for each of the first three.
    assert parse_weekly_hours(text, asked=True) == hours
    assert parse_weekly_hours(text, asked=False) is None


def test_a_budget_hedged_in_words_answers_the_budget_question():
    assert parse_budget("work might cover some, say 1000", asked=True) == 1000.0
    assert parse_budget("work might cover some, say 1000", asked=False) is None


def test_a_budget_said_with_money_before_the_questions():
    assert (
        parse_budget("I would rather learn practical things. maybe 6 hours a week. money is ok up to 1000.") == 1000.0
    )


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("wait i said a few hours each evening, thats more like 10 a week", 10.0),
        ("i can do 6 per week", 6.0),
        ("$10 a week", None),
    ],
)
def test_a_later_figure_a_week_counts_as_the_hours(text, hours):
    # "a few hours ..., more like 10 a week" was read as 3 hours.
    assert parse_weekly_hours(text) == hours


def test_a_figure_after_idk_answers_the_question_asked():
    # "idk 300?" to the budget question got "I can't answer that in the middle of these questions".
    assert parse_budget("idk 300?", asked=True) == 300.0
    assert parse_budget("idk 300?") is None


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("can you change the subject to data analysis instead of AI", "can you change the subject to data analysis"),
        ("not AI, data science please", "data science please"),
    ],
)
def test_what_a_message_turns_down_is_left_out_to_the_clauses_end(text, kept):
    assert without_rejected(text).strip() == kept

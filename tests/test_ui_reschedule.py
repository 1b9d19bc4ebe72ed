"""The Scores page offers to reschedule every question once new parameters are fitted, and does it."""

from __future__ import annotations

from ketaquiz.core import optimize

from .test_ui_scores import DEFAULT_PARAMETERS, always_in_a_worker, computed, optimiser, page  # noqa: F401 (fixtures)
from .test_ui_study import ctx  # noqa: F401 (fixture)


def test_fitted_parameters_offer_a_reschedule_that_replays_the_answers(qtbot, page, ctx, optimiser):  # noqa: F811
    fitted = [round(x * 1.1, 4) for x in DEFAULT_PARAMETERS]
    optimiser.result = optimize.OptimiseResult("improved", 600, 0.4, 0.3, fitted, message="Fitted.")
    assert page.reschedule_btn.isHidden()
    page.optimise_button.click()
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.settings):
        optimiser.gate.set()
    assert not page.reschedule_btn.isHidden()
    answered = {k for k, _rating, _at in ctx.store.answer_history()}
    key = next(k for k, _s, _t, st in ctx.store.card_states() if st.state == 2 and k in answered)
    before = ctx.store.card(key)
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.progress):
        page.reschedule_btn.click()
    assert "questions rescheduled from their answers" in page.status.text() and page.reschedule_btn.isHidden()
    after = ctx.store.card(key)
    assert after.stability != before.stability  # replayed with the fitted parameters
    computed(qtbot, page)  # the page redraws with the new schedule


def test_parameters_kept_offer_nothing(qtbot, page, ctx, optimiser):  # noqa: F811
    optimiser.result = optimize.OptimiseResult("kept", 600, 0.3, 0.4, [], message="Kept.")
    page.optimise_button.click()
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.settings):
        optimiser.gate.set()
    qtbot.waitUntil(lambda: not page.optimising)
    assert page.reschedule_btn.isHidden()
    computed(qtbot, page)

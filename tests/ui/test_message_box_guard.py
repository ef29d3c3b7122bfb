"""The GUI tests' guard: a message box nobody expected fails the test with its text (offscreen it would
otherwise wait forever for a click, and CI would hang instead of failing)."""


def test_an_unexpected_message_box_is_recorded_not_waited_for(qtbot, no_unexpected_message_box):
    from ui.app import make_app
    from ui.common.messages import show_error

    make_app()
    show_error(None, "Không đọc được tệp.")  # returns at once
    assert no_unexpected_message_box == ["Lỗi: Không đọc được tệp."]
    no_unexpected_message_box.clear()  # expected here: the guard's own test

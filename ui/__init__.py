"""The Qt floor: windows, dialogs and item models. Calls `desktop` services only."""

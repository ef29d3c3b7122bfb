"""Tracking per unit: who a dispatch went to, how, who has answered; replies linked by themselves."""

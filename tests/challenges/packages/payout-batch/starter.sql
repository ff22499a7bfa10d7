UPDATE payouts SET state = state WHERE 0;

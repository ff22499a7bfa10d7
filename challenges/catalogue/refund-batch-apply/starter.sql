-- Apply the approved refund requests: UPDATE statements separated by ";".
UPDATE refund_requests SET state = 'applied' WHERE state = 'approved';

-- Filing numbers come from a sequence: random digits collided (about 40% a day at 1,000 filings).
create sequence filing_number_seq;

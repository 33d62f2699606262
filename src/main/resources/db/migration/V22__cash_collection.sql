-- Cash collected at a help-desk counter (代收) is an order of its own channel.
alter table payment_order drop constraint payment_order_channel_check;
alter table payment_order add constraint payment_order_channel_check
    check (channel in ('SANDBOX', 'WECHAT_PAY', 'ALIPAY', 'CASH'));

// WeChat JSAPI payment (inside WeChat only): hands the parameters our server signed to WeixinJSBridge, which opens
// WeChat's own payment sheet. What the bridge answers proves nothing; the page's status polling shows the result once
// WeChat Pay's notification (or the sweeper's query) has settled the order on the server. No inline script (CSP).
(function () {
  'use strict';
  var holder = document.getElementById('wechat-jsapi');
  if (!holder) {
    return;
  }
  function pay() {
    window.WeixinJSBridge.invoke('getBrandWCPayRequest', {
      appId: holder.getAttribute('data-app-id'),
      timeStamp: holder.getAttribute('data-time-stamp'),
      nonceStr: holder.getAttribute('data-nonce-str'),
      'package': holder.getAttribute('data-package'),
      signType: holder.getAttribute('data-sign-type'),
      paySign: holder.getAttribute('data-pay-sign')
    }, function () {
      // Paid, cancelled or failed: payment-status.js keeps asking the server, which alone knows.
    });
  }
  if (typeof window.WeixinJSBridge === 'undefined') {
    document.addEventListener('WeixinJSBridgeReady', pay, false);
  } else {
    pay();
  }
}());

/*
 * Uploads with a progress bar and a retry button, for phones on a poor network. Without this script the forms
 * post as usual and the page reloads with the result; nothing depends on it.
 *
 * A retry sends the very same form data, idempotency key included: if the first attempt did arrive, the server
 * answers with its first result instead of storing the file twice.
 */
(function () {
  'use strict';
  var forms = document.querySelectorAll('form.upload-form');
  Array.prototype.forEach.call(forms, function (form) {
    var status = form.querySelector('.upload-status');
    var bar = status.querySelector('progress');
    var message = status.querySelector('.upload-message');
    var retry = status.querySelector('.upload-retry');
    var submit = form.querySelector('button[type=submit]');
    var maxBytes = parseInt(form.getAttribute('data-max-bytes'), 10);
    var lang = document.documentElement.lang === 'en' ? 'en' : 'zh';
    var words = {
      zh: { tooLarge: '文件太大（{size} MB），上限为 {max} MB。请压缩照片或重新拍一张较小的照片。',
            sending: '正在上传… {percent}%', done: '上传完成，正在刷新…',
            network: '网络中断，文件没有传完。请在信号好一些时点“重试”。',
            failed: '上传失败：' },
      en: { tooLarge: 'The file is too large ({size} MB); the limit is {max} MB. Compress the photo or take a smaller one.',
            sending: 'Uploading… {percent}%', done: 'Uploaded, refreshing…',
            network: 'The connection dropped before the file was sent. Tap “Retry” when the signal is better.',
            failed: 'Upload failed: ' }
    }[lang];
    var pending = null;

    function say(text, isError) {
      status.hidden = false;
      message.textContent = text;
      message.className = 'upload-message' + (isError ? ' error' : '');
    }

    function send(data) {
      pending = data;
      retry.hidden = true;
      submit.disabled = true;
      bar.value = 0;
      say(words.sending.replace('{percent}', '0'), false);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.upload.onprogress = function (event) {
        if (event.lengthComputable) {
          var percent = Math.floor(event.loaded * 100 / event.total);
          bar.value = percent;
          say(words.sending.replace('{percent}', percent), false);
        }
      };
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          bar.value = 100;
          say(words.done, false);
          var target = (xhr.responseURL || window.location.href).split('#')[0];
          if (target === window.location.href.split('#')[0]) {
            window.location.hash = 'attachments';
            window.location.reload();
          } else {
            window.location.assign(target + '#attachments');
          }
          return;
        }
        var reason = '';
        try {
          var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
          var shown = page.querySelector('#upload-error p, .problem-detail');
          reason = shown ? shown.textContent : '';
        } catch (ignored) { reason = ''; }
        failed(words.failed + (reason || xhr.status));
      };
      xhr.onerror = function () { failed(words.network); };
      xhr.ontimeout = function () { failed(words.network); };
      xhr.send(data);
    }

    function failed(text) {
      submit.disabled = false;
      say(text, true);
      retry.hidden = false;
    }

    retry.addEventListener('click', function () { if (pending) { send(pending); } });

    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type=file]');
      var file = input.files && input.files[0];
      if (!file || !window.FormData || !window.XMLHttpRequest) { return; }
      event.preventDefault();
      if (file.size > maxBytes) {
        say(words.tooLarge.replace('{size}', (file.size / 1048576).toFixed(1))
            .replace('{max}', Math.round(maxBytes / 1048576)), true);
        return;
      }
      send(new FormData(form));
    });
  });
}());
